"""The seeds are kept byte for byte: quote checks compare against them."""
from __future__ import annotations

import hashlib

import pytest

from macros import paths

SHARED = paths.ROOT.parent / "shared" / "seeds"
# sha256 of the seeds as received; a changed seed would silently change what quotes prove.
SEED_SHA256 = {
    "000_a2d14618bf49f2a4.txt": "f705e259f08b384531e842b14155033bb215d7a6b11248738eb63de8a232e868",
    "001_d1ab15c5b036fa95.txt": "d8511fc6f7806adc112d6c9ee089df9d1b695409f54058bf04e27086f5196ca9",
}


@pytest.mark.parametrize("name", sorted(SEED_SHA256))
def test_each_seed_is_unchanged(name):
    assert hashlib.sha256((paths.SEEDS / name).read_bytes()).hexdigest() == SEED_SHA256[name]


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared folder is not beside this checkout")
def test_seeds_match_the_shared_originals_byte_for_byte():
    for original in SHARED.iterdir():
        assert (paths.SEEDS / original.name).read_bytes() == original.read_bytes(), original.name


def test_every_seed_file_is_described_in_the_bibliography(library):
    described = {s.seed for s in library.sources.values() if s.seed}
    assert described == set(SEED_SHA256)
