"""Records shared by the sequencer, the pubdata encoder and the L1 model: state diffs and L2->L1 logs.

Source: ERA docs/src/specs/.../data_availability/compression.md; EC system-contracts L1Messenger.sol.
"""

from __future__ import annotations

from dataclasses import dataclass

from zkedu._checks import require_int
from zkedu.constants import L2_TO_L1_LOG_BYTES, WORD


def _check_word(name: str, value: int) -> None:
    require_int(value, name)
    if not 0 <= value < WORD:
        raise ValueError(f"{name} must be in [0, 2**256), got {value!r}")


@dataclass(frozen=True)
class StateDiff:
    """One storage slot's net change over a batch.

    ``derived_key`` is the 32-byte tree key (blake2s of address and slot). ``enumeration_index`` is the
    slot's index in the tree if it existed before the batch (a repeated write), or 0 for a first write,
    which must publish the whole 32-byte key.
    """

    derived_key: bytes
    enumeration_index: int
    initial_value: int
    final_value: int

    def __post_init__(self) -> None:
        if not isinstance(self.derived_key, bytes) or len(self.derived_key) != 32:
            raise ValueError(f"derived_key must be 32 bytes, got {self.derived_key!r}")
        if not isinstance(self.enumeration_index, int) or not 0 <= self.enumeration_index < 2**64:
            raise ValueError(f"enumeration_index must be in [0, 2**64), got {self.enumeration_index!r}")
        _check_word("initial_value", self.initial_value)
        _check_word("final_value", self.final_value)
        if self.enumeration_index == 0 and self.initial_value != 0:
            raise ValueError(f"a first write starts from 0, got initial_value={self.initial_value!r}")

    @property
    def is_first_write(self) -> bool:
        return self.enumeration_index == 0


@dataclass(frozen=True)
class L2ToL1Log:
    """An 88-byte L2->L1 log: shard (1) | is_service (1) | tx_number (2) | sender (20) | key (32) | value (32)."""

    shard_id: int
    is_service: bool
    tx_number_in_batch: int
    sender: bytes
    key: bytes
    value: bytes

    def __post_init__(self) -> None:
        if not 0 <= self.shard_id < 256:
            raise ValueError(f"shard_id must fit in one byte, got {self.shard_id!r}")
        if not 0 <= self.tx_number_in_batch < 2**16:
            raise ValueError(f"tx_number_in_batch must fit in two bytes, got {self.tx_number_in_batch!r}")
        for name, blob, size in (("sender", self.sender, 20), ("key", self.key, 32), ("value", self.value, 32)):
            if not isinstance(blob, bytes) or len(blob) != size:
                raise ValueError(f"{name} must be {size} bytes, got {blob!r}")

    def to_bytes(self) -> bytes:
        out = (
            bytes([self.shard_id, int(self.is_service)])
            + self.tx_number_in_batch.to_bytes(2, "big")
            + self.sender
            + self.key
            + self.value
        )
        assert len(out) == L2_TO_L1_LOG_BYTES
        return out

    @classmethod
    def from_bytes(cls, data: bytes) -> L2ToL1Log:
        if len(data) != L2_TO_L1_LOG_BYTES:
            raise ValueError(f"an L2->L1 log is {L2_TO_L1_LOG_BYTES} bytes, got {len(data)}: {data!r}")
        if data[1] not in (0, 1):
            raise ValueError(f"is_service byte must be 0 or 1, got {data[1]!r}")
        return cls(data[0], bool(data[1]), int.from_bytes(data[2:4], "big"), data[4:24], data[24:56], data[56:88])
