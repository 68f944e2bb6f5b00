"""BLS12-381 compressed points: differential against py_ecc.bls and ckzg, round trips, every rejection."""

from __future__ import annotations

from pathlib import Path

import ckzg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from py_ecc.bls.g2_primitives import G1_to_pubkey, G2_to_signature, pubkey_to_G1, signature_to_G2
from py_ecc.bls.point_compression import modular_squareroot_in_FQ2

from zkedu.curves import BLS12_381 as C
from zkedu.curves.bls12_381_serial import g1_compress, g1_decompress, g2_compress, g2_decompress

P = C.p


def encode_x(x: int, flags: int, length: int = 48) -> bytes:
    out = bytearray(x.to_bytes(length, "big"))
    out[0] |= flags
    return bytes(out)


def off_curve_x() -> int:
    return next(x for x in range(1, 100) if pow((x**3 + 4) % P, (P - 1) // 2, P) != 1)


def cofactor_x() -> int:
    """An x on the G1 curve whose point is outside the order-r subgroup."""
    for x in range(1, 100):
        rhs = (x**3 + 4) % P
        y = pow(rhs, (P + 1) // 4, P)
        if y * y % P == rhs and not C.in_subgroup(C.from_affine(x, y)):
            return x
    raise AssertionError("none found")


@settings(max_examples=12)
@given(k=st.integers(0, C.r - 1))
def test_g1_round_trip_and_py_ecc_agree(k: int) -> None:
    point = C.mul(C.G1, k)
    data = g1_compress(point)
    assert len(data) == 48 and data == G1_to_pubkey(point)
    assert C.eq(g1_decompress(data), point) and C.eq(pubkey_to_G1(data), point)


@settings(max_examples=4)
@given(k=st.integers(0, C.r - 1))
def test_g2_round_trip_and_py_ecc_agree(k: int) -> None:
    point = C.mul(C.G2, k)
    data = g2_compress(point)
    assert len(data) == 96 and data == G2_to_signature(point)
    assert C.eq(g2_decompress(data), point) and C.eq(signature_to_G2(data), point)


def test_known_encodings() -> None:
    # The generators' encodings as published with the curve (ZCash / IETF BLS signature drafts).
    assert g1_compress(C.G1).hex().startswith("97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac58")
    assert g2_compress(C.G2).hex().startswith("93e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049")
    assert g1_compress(C.Z1) == bytes([0xC0]) + bytes(47)
    assert g2_compress(C.Z2) == bytes([0xC0]) + bytes(95)
    assert C.is_inf(g1_decompress(bytes([0xC0]) + bytes(47)))
    assert C.is_inf(g2_decompress(bytes([0xC0]) + bytes(95)))
    # sign bit: -G and G differ only in bit 5 of the first byte
    assert g1_compress(C.neg(C.G1))[0] ^ g1_compress(C.G1)[0] == 0x20
    assert g2_compress(C.neg(C.G2))[0] ^ g2_compress(C.G2)[0] == 0x20


def _setup_lines() -> list[str]:
    import eth._utils

    return (Path(eth._utils.__file__).parent / "kzg_trusted_setup.txt").read_text().split()


def test_ceremony_points_round_trip() -> None:
    """Real-world encodings: a few points of the Ethereum KZG ceremony output re-encode byte for byte."""
    lines = _setup_lines()
    n1, n2 = int(lines[0]), int(lines[1])
    for h in lines[2:5]:
        assert g1_compress(g1_decompress(bytes.fromhex(h))).hex() == h
    for h in lines[2 + n1 : 2 + n1 + 2]:
        assert g2_compress(g2_decompress(bytes.fromhex(h))).hex() == h
    assert n2 == 65


def _ckzg_accepts_commitment(data: bytes, setup: object) -> bool:
    """ckzg validates a commitment's encoding inside verify_kzg_proof (the C library's own checks)."""
    zero32, inf = bytes(32), bytes([0xC0]) + bytes(47)
    try:
        ckzg.verify_kzg_proof(data, zero32, zero32, inf, setup)
    except RuntimeError:
        return False
    return True




def bad_g1_encodings() -> dict[str, tuple[bytes, str]]:
    g = g1_compress(C.G1)
    return {
        "no compression flag": (bytes([g[0] & 0x7F]) + g[1:], "compression flag"),
        "x >= p": (encode_x(P, 0x80), "x >= p"),
        "x = 2^381 - 1": (encode_x(2**381 - 1, 0x80), "x >= p"),
        "not on curve": (encode_x(off_curve_x(), 0x80), "not on the curve"),
        "not in subgroup": (encode_x(cofactor_x(), 0x80), "subgroup"),
        "infinity with x bits": (encode_x(1, 0xC0), "nonzero bits"),
        "infinity with sign": (encode_x(0, 0xE0), "sign bit"),
        "infinity flag on a point": (bytes([g[0] | 0x40]) + g[1:], "nonzero bits"),
    }


@pytest.mark.parametrize("case", list(bad_g1_encodings()))
def test_g1_rejections_name_the_problem_and_input(case: str, ckzg_setup: object) -> None:
    data, message = bad_g1_encodings()[case]
    with pytest.raises(ValueError, match=message) as info:
        g1_decompress(data)
    assert data.hex() in str(info.value)
    assert not _ckzg_accepts_commitment(data, ckzg_setup)  # the C library rejects it too


def test_ckzg_accepts_what_we_produce(ckzg_setup: object) -> None:
    for k in (1, 2, C.r - 1):
        assert _ckzg_accepts_commitment(g1_compress(C.mul(C.G1, k)), ckzg_setup)
    assert _ckzg_accepts_commitment(g1_compress(C.Z1), ckzg_setup)


def test_g2_rejections_name_the_problem_and_input() -> None:
    g = g2_compress(C.G2)
    FQ2 = C.backend.FQ2
    off = next(
        x0 for x0 in range(1, 100) if modular_squareroot_in_FQ2(FQ2([x0, 0]) ** 3 + C.backend.b2) is None
    )
    cof = next(
        x0 for x0 in range(1, 100) if modular_squareroot_in_FQ2(FQ2([x0, 0]) ** 3 + C.backend.b2) is not None
    )
    cases = [
        (bytes([g[0] & 0x7F]) + g[1:], "compression flag"),
        (encode_x(P, 0x80) + g[48:], r"x1 \(imaginary part\) >= p"),
        (g[:48] + P.to_bytes(48, "big"), r"x0 \(real part\) >= p"),
        (encode_x(0, 0x80) + off.to_bytes(48, "big"), "not on the twist"),
        (encode_x(0, 0x80) + cof.to_bytes(48, "big"), "subgroup"),
        (bytes([0xC0]) + bytes(94) + b"\x01", "nonzero bits"),
        (bytes([0xE0]) + bytes(95), "sign bit"),
    ]
    for data, message in cases:
        with pytest.raises(ValueError, match=message) as info:
            g2_decompress(data)
        assert data.hex() in str(info.value)


def test_wrong_types_and_lengths() -> None:
    with pytest.raises(TypeError, match="str"):
        g1_decompress("c0" + "00" * 47)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="NoneType"):
        g2_decompress(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="48 bytes, got 47: 0xc0"):
        g1_decompress(bytes([0xC0]) + bytes(46))
    with pytest.raises(ValueError, match="96 bytes, got 48"):
        g2_decompress(g1_compress(C.G1))
    with pytest.raises(TypeError, match="G1 point, got a G2"):
        g1_compress(C.G2)
    with pytest.raises(TypeError, match="G2 point, got a G1"):
        g2_compress(C.G1)
    FQ = C.backend.FQ
    with pytest.raises(ValueError, match="not on BLS12-381"):
        g1_compress((FQ(1), FQ(1), FQ(1)))
    FQ2 = C.backend.FQ2
    with pytest.raises(ValueError, match="not on the BLS12-381 twist"):
        g2_compress((FQ2.one(), FQ2.one(), FQ2.one()))
    assert C.eq(g1_decompress(bytearray(g1_compress(C.G1))), C.G1)  # bytearray is fine
