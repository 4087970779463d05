"""A page of the site before it is rendered: the key of what it is made from, and its renderer.

A page made from the same data as last time renders the same text, so a build that finds a
page's key unchanged (and its file untouched) neither renders nor writes it again.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PlannedPage:
    """A page of the site, not yet rendered."""

    key: str
    """Digest of what the page is made from: the same key renders the same text."""
    render: Callable[[], str]


def page_key(context: str, *parts: str) -> str:
    """Digest of what one page is made from: the render context and the page's own parts."""
    digest = hashlib.blake2b(context.encode(), digest_size=16)
    for part in parts:
        digest.update(b"\0" + part.encode())
    return digest.hexdigest()


def value_digest(value: object) -> str:
    """Digest of a value by its pickle: two different values never share one.

    The pickle copies every object it meets rather than refer back to one it pickled before,
    so that equal values pickle alike, whether or not they share objects.
    """
    stream = io.BytesIO()
    pickler = pickle.Pickler(stream, protocol=5)
    pickler.fast = True  # no memo: no back-references
    pickler.dump(value)
    return hashlib.blake2b(stream.getbuffer(), digest_size=16).hexdigest()
