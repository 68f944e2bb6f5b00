"""secp256k1 ECDSA: addresses, sign/recover/verify, against eth-keys as the oracle, and every bad input."""

from __future__ import annotations

import pytest
from eth_keys import keys
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.curves.ecdsa import (
    HALF_N,
    N,
    P,
    Signature,
    check_signature,
    compute_address,
    compute_public_key,
    is_on_curve,
    private_key_from_int,
    public_key_to_address,
    recover_address,
    recover_public_key,
    sign_hash,
    verify_signature,
)
from zkedu.hashing import keccak256

scalars = st.integers(min_value=1, max_value=N - 1)
hashes = st.binary(min_size=32, max_size=32)


def test_known_address_of_key_one() -> None:
    # The address of private key 1 is a well-known Ethereum constant.
    assert compute_address(private_key_from_int(1)).hex() == "7e5f4552091a69125d5dfcb7b8c2659029395bdf"


@settings(max_examples=8)
@given(scalars)
def test_address_matches_eth_keys(d: int) -> None:
    key = private_key_from_int(d)
    assert compute_address(key) == keys.PrivateKey(key).public_key.to_canonical_address()


@settings(max_examples=8)
@given(scalars, hashes)
def test_signature_recovers_and_verifies_and_eth_keys_agrees(d: int, h: bytes) -> None:
    key = private_key_from_int(d)
    sig = sign_hash(h, key)
    assert sig.v in (27, 28) and 1 <= sig.s <= HALF_N
    assert recover_address(h, sig) == compute_address(key)
    assert verify_signature(h, sig, compute_public_key(key))
    theirs = keys.Signature(vrs=(sig.v - 27, sig.r, sig.s))
    assert theirs.recover_public_key_from_msg_hash(h).to_canonical_address() == compute_address(key)


@settings(max_examples=6)
@given(scalars, hashes)
def test_eth_keys_signatures_recover_here(d: int, h: bytes) -> None:
    key = private_key_from_int(d)
    theirs = keys.PrivateKey(key).sign_msg_hash(h)
    sig = Signature(theirs.v + 27, theirs.r, theirs.s)
    assert recover_address(h, sig) == compute_address(key)
    assert verify_signature(h, sig, compute_public_key(key))


def test_tampering_is_detected() -> None:
    key = private_key_from_int(12345)
    pub = compute_public_key(key)
    h = keccak256(b"pay 1 ETH")
    sig = sign_hash(h, key)
    assert not verify_signature(keccak256(b"pay 2 ETH"), sig, pub)
    assert not verify_signature(h, Signature(sig.v, sig.r, sig.s - 1), pub)
    assert not verify_signature(h, Signature(sig.v, (sig.r + 1) % N, sig.s), pub)
    assert not verify_signature(h, sig, compute_public_key(private_key_from_int(54321)))
    # The flipped parity recovers some other key, never the signer's.
    assert recover_address(h, Signature(55 - sig.v, sig.r, sig.s)) != compute_address(key)
    assert recover_address(keccak256(b"pay 2 ETH"), sig) != compute_address(key)


def test_high_s_is_malleable_but_rejected() -> None:
    key = private_key_from_int(7)
    h = keccak256(b"x")
    sig = sign_hash(h, key)
    high = Signature(55 - sig.v, sig.r, N - sig.s)  # the mirror signature, valid in textbook ECDSA
    assert not verify_signature(h, high, compute_public_key(key))
    with pytest.raises(ValueError, match="low s"):
        recover_address(h, high)


def test_signature_bytes_round_trip() -> None:
    sig = sign_hash(bytes(32), private_key_from_int(3))
    assert Signature.from_bytes(sig.to_bytes()) == sig
    assert len(sig.to_bytes()) == 65


@pytest.mark.parametrize(
    ("sig", "message"),
    [
        (Signature(29, 1, 1), "v must be 27 or 28, got 29"),
        (Signature(27, 0, 1), "r must be in"),
        (Signature(27, N, 1), "r must be in"),
        (Signature(27, 1, 0), "s must be in"),
        (Signature(27, 1, HALF_N + 1), "s must be in"),
    ],
)
def test_check_signature_rejects_out_of_range(sig: Signature, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        check_signature(sig)
    with pytest.raises(ValueError, match=message):
        recover_public_key(bytes(32), sig)


def test_r_that_is_no_x_coordinate() -> None:
    r = next(x for x in range(1, 100) if pow((x**3 + 7) % P, (P - 1) // 2, P) != 1)
    with pytest.raises(ValueError, match="no public key recovers"):
        recover_public_key(bytes(32), Signature(27, r, 1))


def test_bad_inputs() -> None:
    with pytest.raises(TypeError, match="signature v must be an int"):
        Signature("27", 1, 1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be bytes"):
        Signature.from_bytes("00")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="65 bytes, got 64"):
        Signature.from_bytes(bytes(64))
    with pytest.raises(ValueError, match="out of range"):
        Signature(27, 2**256, 1).to_bytes()
    with pytest.raises(ValueError, match=r"in \[1, N\), got 0"):
        private_key_from_int(0)
    with pytest.raises(ValueError, match=r"in \[1, N\)"):
        private_key_from_int(N)
    with pytest.raises(TypeError, match="must be an int"):
        private_key_from_int(True)
    with pytest.raises(ValueError, match="32 bytes, got 31"):
        compute_public_key(bytes(31))
    with pytest.raises(TypeError, match="must be bytes"):
        compute_public_key(1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"must be in \[1, N\), got 0"):
        sign_hash(bytes(32), bytes(32))
    with pytest.raises(ValueError, match="message hash must be 32 bytes, got 3"):
        sign_hash(b"abc", private_key_from_int(1))
    with pytest.raises(TypeError, match="message hash must be bytes"):
        recover_address("00" * 32, Signature(27, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not a point of secp256k1"):
        public_key_to_address((1, 1))
    with pytest.raises(ValueError, match="not a point of secp256k1"):
        verify_signature(bytes(32), Signature(27, 1, 1), (P, 0))
    with pytest.raises(TypeError, match="expected a Signature"):
        verify_signature(bytes(32), (27, 1, 1), compute_public_key(private_key_from_int(1)))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a Signature, got tuple"):
        check_signature((27, 1, 1))  # type: ignore[arg-type]
    assert not is_on_curve((0, 0))
