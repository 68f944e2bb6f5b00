"""zkedu.kzg.setup: parsing and checking the mainnet trusted setup, and its consistency with τ."""

from __future__ import annotations

import pytest

from zkedu.curves import BLS12_381
from zkedu.curves.bls12_381_serial import g1_compress, g1_decompress_to_affine
from zkedu.kzg.kzg import commit_polynomial, compute_opening_proof, verify_opening
from zkedu.kzg.setup import (
    MAINNET_SETUP_SHA256,
    decompress_setup_g1,
    load_mainnet_g1_lagrange,
    load_mainnet_g2_tau,
    load_mainnet_setup,
    parse_trusted_setup,
    read_mainnet_setup,
    trusted_setup_path,
)

P = BLS12_381.p


def off_subgroup_point() -> bytes:
    x = 1
    while True:
        rhs = (x**3 + 4) % P
        if pow(rhs, (P - 1) // 2, P) == 1:
            point = BLS12_381.from_affine(x, pow(rhs, (P + 1) // 4, P))
            if not BLS12_381.in_subgroup(point):
                return g1_compress(point)
        x += 1


def test_mainnet_file_is_the_pinned_ceremony_output() -> None:
    assert trusted_setup_path().name == "kzg_trusted_setup.txt"
    setup = read_mainnet_setup()
    assert setup.sha256 == MAINNET_SETUP_SHA256
    assert (len(setup.g1_lagrange), len(setup.g2_monomial), len(setup.g1_monomial)) == (4096, 65, 4096)
    assert setup.g1_monomial[0] == g1_compress(BLS12_381.G1)  # [τ⁰]₁ is the generator


def test_mainnet_monomial_setup_is_consistent_in_g1_and_g2() -> None:
    s = load_mainnet_setup(2)
    c = BLS12_381
    # e([τ]₁, [1]₂) · e(-[1]₁, [τ]₂) = 1 and the same one power higher
    assert c.pairing_check([(s.g1_monomial[1], s.g2_monomial[0]), (c.neg(s.g1_monomial[0]), s.g2_monomial[1])])
    assert c.pairing_check([(s.g1_monomial[2], s.g2_monomial[0]), (c.neg(s.g1_monomial[1]), s.g2_monomial[1])])
    assert s.tau is None
    # KZG on the real setup, in coefficient form
    C = commit_polynomial(s, [1, 2, 3])
    proof, y = compute_opening_proof(s, [1, 2, 3], 5)
    assert y == 86 and verify_opening(s, C, 5, y, proof)


def test_lagrange_and_g2_tables_load() -> None:
    table = load_mainnet_g1_lagrange()
    assert len(table) == 4096 and all(xy is not None for xy in table.affine[:4])
    one, tau = load_mainnet_g2_tau()
    assert BLS12_381.eq(one, BLS12_381.G2) and not BLS12_381.eq(tau, one)
    with pytest.raises(ValueError, match=r"degree must be in \[1, 4096\), got 4096"):
        load_mainnet_setup(4096)


def test_unpinned_files_get_the_full_subgroup_check() -> None:
    good = g1_compress(BLS12_381.G1)
    bad = off_subgroup_point()
    assert len(decompress_setup_g1((good, good), sha256="not the pinned hash")) == 2
    with pytest.raises(ValueError, match="trusted-setup G1 point 1 is not in the order-r subgroup"):
        decompress_setup_g1((good, bad), sha256="not the pinned hash")


def test_g1_decompress_to_affine_rejects_malformed() -> None:
    assert g1_decompress_to_affine(b"\xc0" + bytes(47)) is None
    assert g1_decompress_to_affine(g1_compress(BLS12_381.G1)) == BLS12_381.to_affine(BLS12_381.G1)
    with pytest.raises(ValueError, match="lacks the compression flag"):
        g1_decompress_to_affine(bytes(48))
    with pytest.raises(ValueError, match="infinity flag and the sign bit"):
        g1_decompress_to_affine(b"\xe0" + bytes(47))
    with pytest.raises(ValueError, match="x >= p"):
        g1_decompress_to_affine(b"\x9f" + b"\xff" * 47)
    x = 1
    while pow((x**3 + 4) % P, (P - 1) // 2, P) == 1:
        x += 1
    with pytest.raises(ValueError, match="not on the curve"):
        g1_decompress_to_affine(bytes([0x80]) + x.to_bytes(47, "big"))


def test_parse_errors() -> None:
    g1, g2 = "aa" * 48, "bb" * 96
    assert len(parse_trusted_setup(f"1\n1\n{g1}\n{g2}\n{g1}\n").g2_monomial) == 1
    with pytest.raises(ValueError, match="must start with the G1 and G2 point counts"):
        parse_trusted_setup("x\n1\n")
    with pytest.raises(ValueError, match="expected 5 tokens, got 4"):
        parse_trusted_setup(f"1\n1\n{g1}\n{g2}\n")
    with pytest.raises(ValueError, match="non-hex point"):
        parse_trusted_setup(f"1\n1\n{'zz' * 48}\n{g2}\n{g1}\n")
    with pytest.raises(ValueError, match="G2 point must be 96 bytes, got 48"):
        parse_trusted_setup(f"1\n1\n{g1}\n{g1}\n{g1}\n")
