"""eventwire: news reports of wars and politics in, structured and sourced event records out."""
__version__ = "0.1.0"

from eventwire.model import Annotations, Article, Event  # noqa: E402
from eventwire.pipeline import Pipeline, annotate, code  # noqa: E402

__all__ = ["Annotations", "Article", "Event", "Pipeline", "annotate", "code", "__version__"]
