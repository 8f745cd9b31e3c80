"""Shared test set-up: Qt runs offscreen (no display needed), fixtures live in tests/helpers."""

import os

# Must be set before anything imports Qt: without a platform and without X, Qt aborts.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
