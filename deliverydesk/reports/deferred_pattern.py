"""reportlab's URL pattern, compiled when first used rather than when Platypus is imported (issue 16).

``reportlab.platypus.paragraph`` compiles ``uri_pat`` as it is imported: a case-insensitive pattern
over ``\\xa1-\\uffff`` whose compiling folds the case of 65,000 characters, several times over
(~75-160 ms on a 2 GHz machine, a tenth of a command-line export). Platypus matches it only to
hyphenate a URL (``_uri_split_pairs``, when a style hyphenates or sets ``uriWasteReduce``), which no
document does. ``install`` adds an import hook for that one module: while the module runs,
``re.compile`` returns a ``DeferredPattern`` for that one pattern (the same text and flags, compiled
on first use) and compiles every other pattern as always; then ``re.compile`` is restored and the hook
removed. When Platypus is already imported, or reportlab changes the pattern, nothing changes but the
time (``tests/unit/reports/test_deferred_pattern.py`` fails then).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

MODULE = "reportlab.platypus.paragraph"
URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"  # how reportlab 5.1's uri_pat begins


class DeferredPattern:
    """A compiled regular expression that compiles when one of its methods or attributes is first
    used: ``match``, ``search``, ``pattern``... answer as ``re.compile(pattern, flags)`` would."""

    def __init__(self, pattern: str, flags: int, compile: Callable[..., re.Pattern[str]]) -> None:
        self._source = (pattern, flags)
        self._compile = compile
        self.compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self.compiled is None:
            self.compiled = self._compile(*self._source)
        return getattr(self.compiled, name)


def _deferring(compile: Callable[..., Any]) -> Callable[..., Any]:
    def deferring_compile(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and pattern.startswith(URI_PATTERN_START):
            return DeferredPattern(pattern, flags, compile)
        return compile(pattern, flags)

    return deferring_compile


class _Loader:
    """The module's own loader, running it with ``re.compile`` deferring the URL pattern."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def create_module(self, spec: Any) -> ModuleType | None:
        return self.loader.create_module(spec)  # type: ignore[no-any-return]

    def exec_module(self, module: ModuleType) -> None:
        compile = re.compile
        re.compile = _deferring(compile)  # type: ignore[assignment]
        try:
            self.loader.exec_module(module)
        finally:
            re.compile = compile

    def __getattr__(self, name: str) -> Any:  # get_source, get_code...: the module's own loader
        return getattr(self.loader, name)


class _Hook:
    """Finds the module through the other finders (files, a frozen bundle) and wraps its loader."""

    def find_spec(self, name: str, path: Sequence[str] | None, target: ModuleType | None = None) -> Any:
        if name != MODULE:
            return None
        sys.meta_path.remove(self)  # once
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            spec = find(name, path, target) if find is not None else None
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = _Loader(spec.loader)
                return spec
        return None


def install() -> None:
    """Defer the URL pattern of the next import of Platypus (nothing when it is imported already)."""
    if MODULE not in sys.modules and not any(isinstance(finder, _Hook) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Hook())
