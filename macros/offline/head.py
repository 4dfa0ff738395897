"""What the theme's partial (overrides/partials/save-offline.html) links on every online page,
as `config.extra.save_offline`: paths from macros/paths.py, the colour from the palette."""
from __future__ import annotations

from .. import paths
from . import palette


def theme_values(config) -> dict[str, str]:
    return {
        "manifest": paths.MANIFEST_FILE,
        "touch_icon": paths.ICONS + "apple-touch-icon.png",
        "script": paths.SAVE_SCRIPT,
        "panel": paths.SAVE_PANEL_SCRIPT,
        "worker": paths.WORKER_FILE,
        "summary": paths.SAVE_SUMMARY_FILE,
        "theme_color": palette.primary(config),
    }
