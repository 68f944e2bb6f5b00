"""ZKsync's state tree: a sparse Merkle tree of depth 256 over Blake2s-256, with leaf (enumeration) indices.

Every storage slot of every contract is one leaf. Its position is the tree key

    key  = blake2s(address left-padded to 32 bytes || slot as 32 bytes, big-endian)
    path = key read as a little-endian 256-bit integer; bit h of ``path`` picks the child at height h

and its hash is ``blake2s(leaf index as 8 bytes big-endian || value as 32 bytes)``, where the leaf index
(enumeration index) is 1, 2, 3, ... in the order slots are first written, and 0 for "never written".
An internal node is ``blake2s(left || right)``. An empty leaf hashes like the leaf (index 0, value 0), that
is ``blake2s(40 zero bytes)``, and an empty subtree of height h+1 hashes to H(E_h, E_h).

Heights count from the leaves: height 0 is a leaf, height 256 the root. The node at height h that lies on
``path``'s way to the root is identified by ``path >> h`` (its prefix).

``StateTree`` keeps only what it needs: the hash of every subtree holding two or more leaves, and for each
leaf the hash of its highest subtree that holds it alone (its "lone top"). Below a lone top every sibling
is empty, so the chain of hashes up to it is computed in a tight loop without looking anything up, and a
batch update then recomputes each touched shared node exactly once, level by level.
``compute_root_from_scratch`` is the plain level-by-level definition, used as the oracle.

Source: ERA core/lib/merkle_tree/README.md and src/hasher/mod.rs (hash_leaf, empty_subtree_hash,
fold_merkle_path); ERA core/lib/types/src/storage/mod.rs (StorageKey::raw_hashed_key, hashed_key_u256).
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from zkedu._checks import require_int
from zkedu.constants import ADDRESS_BYTES, WORD

DEPTH = 256

_blake2s = hashlib.blake2s


def _hash(data: bytes) -> bytes:
    return _blake2s(data).digest()


def compute_leaf_hash(leaf_index: int, value: int) -> bytes:
    """blake2s(leaf_index as 8 bytes BE || value as 32 bytes BE).

    >>> compute_leaf_hash(0, 0) == EMPTY_HASHES[0]
    True
    """
    if not isinstance(leaf_index, int) or not 0 <= leaf_index < 2**64:
        raise ValueError(f"leaf index must be in [0, 2**64), got {leaf_index!r}")
    if not isinstance(value, int) or not 0 <= value < WORD:
        raise ValueError(f"value must be in [0, 2**256), got {value!r}")
    return _hash(leaf_index.to_bytes(8, "big") + value.to_bytes(32, "big"))


def _compute_empty_hashes() -> tuple[bytes, ...]:
    out = [_hash(bytes(40))]  # the empty leaf: index 0, value 0
    for _ in range(DEPTH):
        out.append(_hash(out[-1] + out[-1]))
    return tuple(out)


EMPTY_HASHES: tuple[bytes, ...] = _compute_empty_hashes()
"""``EMPTY_HASHES[h]`` is the hash of an empty subtree of height h; ``EMPTY_HASHES[256]`` the empty tree's root."""

# Reference value from ERA core/lib/merkle_tree/src/hasher/mod.rs (empty_tree_hash_is_as_expected).
assert EMPTY_HASHES[DEPTH].hex().startswith("98a48e4ed173618838"), "empty tree root must match ZKsync's"


def compute_tree_key(address: bytes, slot: int) -> bytes:
    """The 32-byte tree key of a storage slot: blake2s(address padded to 32 bytes || slot as 32 bytes).

    >>> compute_tree_key(bytes(20), 0).hex()[:16]
    'ae09db7cd54f42b4'
    """
    if not isinstance(address, bytes):
        raise TypeError(f"address must be bytes, got {type(address).__name__}: {address!r}")
    if len(address) != ADDRESS_BYTES:
        raise ValueError(f"address must be {ADDRESS_BYTES} bytes, got {len(address)}: {address.hex()}")
    require_int(slot, "slot")
    if not 0 <= slot < WORD:
        raise ValueError(f"slot must be in [0, 2**256), got {slot!r}")
    return _hash(bytes(12) + address + slot.to_bytes(32, "big"))


def key_to_path(key: bytes) -> int:
    """The tree path of a key: the key as a little-endian integer (bit h chooses the child at height h)."""
    if not isinstance(key, bytes):
        raise TypeError(f"tree key must be bytes, got {type(key).__name__}: {key!r}")
    if len(key) != 32:
        raise ValueError(f"tree key must be 32 bytes, got {len(key)}: {key.hex()}")
    return int.from_bytes(key, "little")


def path_to_key(path: int) -> bytes:
    return path.to_bytes(32, "little")


def _check_value(value: object) -> int:
    require_int(value, "value")
    if not 0 <= value < WORD:
        raise ValueError(f"value must be in [0, 2**256), got {value!r}")
    return value


def _fold_chain(leaf_hash: bytes, path: int, start: int, stop: int) -> bytes:
    """Hash from height ``start`` up to ``stop`` when every sibling on the way is empty."""
    h = leaf_hash
    blake = _blake2s
    bits = format(path, "0256b")[::-1]  # bits[level] is bit ``level`` of the path, as "0" or "1"
    for bit, empty in zip(bits[start:stop], EMPTY_HASHES[start:stop], strict=True):
        h = blake(empty + h).digest() if bit == "1" else blake(h + empty).digest()
    return h


def compute_root_from_scratch(entries: Mapping[bytes, tuple[int, int]]) -> bytes:
    """The root by definition, level by level from the leaves: ``entries`` maps key -> (leaf index, value).

    >>> compute_root_from_scratch({}) == EMPTY_HASHES[256]
    True
    """
    level: dict[int, bytes] = {key_to_path(k): compute_leaf_hash(i, v) for k, (i, v) in entries.items()}
    for h in range(DEPTH):
        empty = EMPTY_HASHES[h]
        level = {p: _hash(level.get(2 * p, empty) + level.get(2 * p + 1, empty)) for p in {q >> 1 for q in level}}
    return level.get(0, EMPTY_HASHES[DEPTH])


@dataclass(frozen=True)
class MerkleProof:
    """A leaf's value and index with its 256 sibling hashes, bottom-up (``siblings[h]`` is at height h).

    With ``leaf_index == 0`` and ``value == 0`` it proves the slot was never written (non-inclusion).
    """

    key: bytes
    value: int
    leaf_index: int
    siblings: tuple[bytes, ...]


def compute_root_from_proof(proof: MerkleProof) -> bytes:
    """Fold the path: at height h, hash = H(sibling, hash) if bit h of the path is 1, else H(hash, sibling)."""
    if not isinstance(proof, MerkleProof):
        raise TypeError(f"expected a MerkleProof, got {type(proof).__name__}: {proof!r}")
    if len(proof.siblings) != DEPTH or not all(isinstance(s, bytes) and len(s) == 32 for s in proof.siblings):
        raise ValueError(f"a proof has {DEPTH} sibling hashes of 32 bytes, got {len(proof.siblings)} siblings")
    path = key_to_path(proof.key)
    h = compute_leaf_hash(proof.leaf_index, proof.value)
    for level, sibling in enumerate(proof.siblings):
        h = _hash(sibling + h) if (path >> level) & 1 else _hash(h + sibling)
    return h


def verify_inclusion_proof(root: bytes, proof: MerkleProof) -> bool:
    """Whether ``proof`` shows the slot holds ``proof.value`` at ``proof.leaf_index`` (>= 1) under ``root``."""
    return proof.leaf_index >= 1 and compute_root_from_proof(proof) == root


def verify_non_inclusion_proof(root: bytes, proof: MerkleProof) -> bool:
    """Whether ``proof`` shows the slot was never written: an empty leaf (index 0, value 0) under ``root``."""
    return proof.leaf_index == 0 and proof.value == 0 and compute_root_from_proof(proof) == root


class StateTree:
    """A mutable sparse Merkle tree of depth 256; ``update`` applies a batch of writes.

    >>> tree = StateTree()
    >>> key = compute_tree_key(bytes(19) + b"\\x01", 0)
    >>> tree.update({key: 7})
    >>> tree.get(key), tree.leaf_index(key), tree.root == compute_root_from_scratch({key: (1, 7)})
    (7, 1, True)
    """

    def __init__(self) -> None:
        self._leaves: dict[int, tuple[int, int]] = {}  # path -> (leaf index, value)
        self._sorted: list[int] = []  # leaf paths in increasing order
        self._nodes: list[dict[int, bytes]] = [{} for _ in range(DEPTH + 1)]  # height -> prefix -> hash
        self._tops: dict[int, int] = {}  # path -> height of the leaf's lone top, as last stored
        self.hash_count = 0  # internal-node hashes computed so far (for the book and the benchmark)

    @property
    def root(self) -> bytes:
        return self._nodes[DEPTH].get(0, EMPTY_HASHES[DEPTH])

    @property
    def leaf_count(self) -> int:
        return len(self._leaves)

    def get(self, key: bytes) -> int:
        """The slot's value (0 if never written)."""
        return self._leaves.get(key_to_path(key), (0, 0))[1]

    def leaf_index(self, key: bytes) -> int:
        """The slot's enumeration index, or 0 if it was never written."""
        return self._leaves.get(key_to_path(key), (0, 0))[0]

    def entries(self) -> dict[bytes, tuple[int, int]]:
        """Every written slot: key -> (leaf index, value)."""
        return {path_to_key(p): iv for p, iv in self._leaves.items()}

    def copy(self) -> StateTree:
        out = StateTree()
        out._leaves = dict(self._leaves)
        out._sorted = list(self._sorted)
        out._nodes = [dict(level) for level in self._nodes]
        out._tops = dict(self._tops)
        return out

    def update_one(self, key: bytes, value: int) -> None:
        """Write one slot and recompute its path to the root (the baseline for batch updates)."""
        self.update({key: value})

    def update(self, writes: Mapping[bytes, int] | Iterable[tuple[bytes, int]]) -> None:
        """Apply writes (a later write to the same key wins); new slots get the next indices in order.

        Each written leaf is re-chained, and so is each neighbour of a new leaf whose lone top moved down;
        then the shared nodes above are recomputed once each, from low heights to the root.
        """
        items = writes.items() if isinstance(writes, Mapping) else writes
        pending: dict[int, int] = {}
        for key, value in items:
            pending[key_to_path(key)] = _check_value(value)
        if not pending:
            return
        leaves, ordered = self._leaves, self._sorted
        new_paths = []
        for path, value in pending.items():
            old = leaves.get(path)
            if old is None:
                leaves[path] = (len(leaves) + 1, value)
                new_paths.append(path)
            else:
                leaves[path] = (old[0], value)
        affected = set(pending)
        if new_paths:
            if len(new_paths) > 8:
                ordered.extend(new_paths)
                ordered.sort()
            else:
                for path in new_paths:
                    bisect.insort(ordered, path)
            n = len(ordered)
            tops = self._tops
            for path in new_paths:
                i = bisect.bisect_left(ordered, path)
                for j in (i - 1, i + 1):
                    if 0 <= j < n:
                        neighbour = ordered[j]
                        if neighbour not in affected and self._lone_top(neighbour) != tops[neighbour]:
                            affected.add(neighbour)
        self._rehash(affected)

    def _lone_top(self, path: int) -> int:
        """Height of the highest subtree holding ``path``'s leaf alone (256 if it is the only leaf)."""
        ordered = self._sorted
        i = bisect.bisect_left(ordered, path)
        split = DEPTH + 1
        if i > 0:
            split = (path ^ ordered[i - 1]).bit_length()
        if i + 1 < len(ordered):
            split = min(split, (path ^ ordered[i + 1]).bit_length())
        return split - 1

    def _rehash(self, affected: Iterable[int]) -> None:
        nodes, leaves, empty = self._nodes, self._leaves, EMPTY_HASHES
        starts: dict[int, set[int]] = {}  # height -> shared nodes that a re-chained leaf's top feeds
        count = 0
        for path in affected:
            index, value = leaves[path]
            top = self._lone_top(path)
            self._tops[path] = top
            leaf_hash = _blake2s(index.to_bytes(8, "big") + value.to_bytes(32, "big")).digest()
            nodes[top][path >> top] = _fold_chain(leaf_hash, path, 0, top)
            count += top
            if top < DEPTH:
                starts.setdefault(top + 1, set()).add(path >> (top + 1))
        if starts:
            # Walk up level by level: each dirty node is hashed once, then its parent becomes dirty.
            dirty: set[int] = set()
            for h in range(min(starts), DEPTH + 1):
                dirty |= starts.get(h, set())
                below, here, e = nodes[h - 1], nodes[h], empty[h - 1]
                get = below.get
                for p in dirty:
                    here[p] = _blake2s(get(2 * p, e) + get(2 * p + 1, e)).digest()
                count += len(dirty)
                dirty = {p >> 1 for p in dirty}
        self.hash_count += count

    def _subtree_hash(self, height: int, prefix: int) -> bytes:
        stored = self._nodes[height].get(prefix)
        if stored is not None:
            return stored
        lo, hi = prefix << height, (prefix + 1) << height
        i = bisect.bisect_left(self._sorted, lo)
        if i == len(self._sorted) or self._sorted[i] >= hi:
            return EMPTY_HASHES[height]
        path = self._sorted[i]
        assert i + 1 == len(self._sorted) or self._sorted[i + 1] >= hi, "a shared subtree must be stored"
        index, value = self._leaves[path]
        return _fold_chain(compute_leaf_hash(index, value), path, 0, height)

    def prove(self, key: bytes) -> MerkleProof:
        """An inclusion proof for a written slot, or a non-inclusion proof (index 0, value 0) otherwise."""
        path = key_to_path(key)
        index, value = self._leaves.get(path, (0, 0))
        siblings = tuple(self._subtree_hash(h, (path >> h) ^ 1) for h in range(DEPTH))
        return MerkleProof(key, value, index, siblings)
