"""Scale-out: the same pipeline and dedup rules on Apache Spark (see :mod:`eventwire.scale.spark`)."""
