"""A tiny Merkle vector commitment: the hash-based contrast to KZG (transparent, no trusted setup).

Commit to a vector of byte strings by hashing leaves pairwise up to one root; open one position with the
sibling hashes on its path (log2 n of them); verify by re-hashing up to the root. The vector length must
be a power of two. Hash: keccak-256 (as ZKsync's L1 log tree) or Blake2s-256 (as its state tree).

Hash-only: this module imports no curve, so FRI (chapter 3) and KZG's contrast (chapter 5) share it cheaply.

Source: Merkle, "A certified digital signature", CRYPTO 1989; hashes as in zksync-era
core/lib/merkle_tree/README.md (Blake2s) and era-contracts system-contracts L1Messenger.sol (keccak).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from zkedu.hashing import blake2s256, keccak256

HASHES: dict[str, Callable[[bytes], bytes]] = {"keccak256": keccak256, "blake2s256": blake2s256}
LEAF_PREFIX, NODE_PREFIX = b"\x00", b"\x01"  # domain separation: a leaf can never pass for an inner node


@dataclass(frozen=True)
class MerkleOpening:
    """An opening of position ``index``: the leaf's value and the sibling hashes from the bottom up."""

    index: int
    leaf: bytes
    siblings: tuple[bytes, ...]


def _hash(name: str) -> Callable[[bytes], bytes]:
    if name not in HASHES:
        raise ValueError(f"unknown hash {name!r}; choose one of {sorted(HASHES)}")
    return HASHES[name]


def hash_leaf(leaf: bytes, hash_name: str = "keccak256") -> bytes:
    """H(0x00 || leaf)."""
    return _hash(hash_name)(LEAF_PREFIX + leaf)


def hash_node(left: bytes, right: bytes, hash_name: str = "keccak256") -> bytes:
    """H(0x01 || left || right)."""
    return _hash(hash_name)(NODE_PREFIX + left + right)


def compute_merkle_layers(leaves: Sequence[bytes], hash_name: str = "keccak256") -> list[list[bytes]]:
    """Every layer of the tree, leaves' hashes first, the root's one-element layer last."""
    n = len(leaves)
    if n == 0 or n & (n - 1):
        raise ValueError(f"the number of leaves must be a power of two, got {n}")
    for i, leaf in enumerate(leaves):
        if not isinstance(leaf, bytes):
            raise TypeError(f"leaf {i} must be bytes, got {type(leaf).__name__}")
    layers = [[hash_leaf(leaf, hash_name) for leaf in leaves]]
    while len(layers[-1]) > 1:
        below = layers[-1]
        layers.append([hash_node(below[i], below[i + 1], hash_name) for i in range(0, len(below), 2)])
    return layers


def commit_vector(leaves: Sequence[bytes], hash_name: str = "keccak256") -> bytes:
    """The 32-byte Merkle root of the vector.

    >>> commit_vector([b"a", b"b"]).hex()[:8] == hash_node(hash_leaf(b"a"), hash_leaf(b"b")).hex()[:8]
    True
    """
    return compute_merkle_layers(leaves, hash_name)[-1][0]


def compute_merkle_proof(leaves: Sequence[bytes], index: int, hash_name: str = "keccak256") -> MerkleOpening:
    """Open position ``index``: its leaf and one sibling hash per level."""
    return open_merkle_layers(compute_merkle_layers(leaves, hash_name), leaves, index)


def open_merkle_layers(layers: Sequence[Sequence[bytes]], leaves: Sequence[bytes], index: int) -> MerkleOpening:
    """Open position ``index`` from a tree already built by ``compute_merkle_layers`` (many openings, one tree)."""
    if len(layers[0]) != len(leaves):
        raise ValueError(f"the tree has {len(layers[0])} leaves, got {len(leaves)} leaf values")
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(leaves):
        raise ValueError(f"index must be in [0, {len(leaves)}), got {index!r}")
    siblings = tuple(layer[(index >> level) ^ 1] for level, layer in enumerate(layers[:-1]))
    return MerkleOpening(index, leaves[index], siblings)


def verify_merkle_proof(root: bytes, proof: MerkleOpening, hash_name: str = "keccak256") -> bool:
    """Re-hash from the leaf up the path; the result must equal the root.

    Verify: root == H(... H(H(leaf) , sibling_0) ..., sibling_{d-1}), left/right by the index bits.
    """
    if proof.index < 0 or proof.index >> len(proof.siblings):
        return False  # the index does not fit a tree of this depth
    node = hash_leaf(proof.leaf, hash_name)
    for level, sibling in enumerate(proof.siblings):
        if (proof.index >> level) & 1:
            node = hash_node(sibling, node, hash_name)
        else:
            node = hash_node(node, sibling, hash_name)
    return node == root
