"""Names that checks outside this repository import: each still imports from its old path, unchanged.

The issue that split the rollup modules promised these names, signatures, fields and methods would stay.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect

import pytest

PROMISED = {
    "zkedu.rollup.fees": ["fee_model_v2"],
    "zkedu.rollup.commitment": ["EMPTY_LOG_LEAF", "compute_l2_logs_root"],
    "zkedu.rollup.proof": ["compute_public_input"],
    "zkedu.rollup.pubdata": [
        "STATE_DIFFS_HEADER_BYTES", "BatchPubdata", "compress_value", "decompress_value", "decode_pubdata",
        "encode_pubdata", "encode_state_diffs", "pubdata_size", "state_diff_size",
    ],
    "zkedu.rollup.records": ["L2ToL1Log", "StateDiff"],
    "zkedu.rollup.seal": ["compute_diff_size"],
    "zkedu.rollup.state": [
        "EMPTY_HASHES", "MerkleProof", "StateTree", "compute_root_from_proof", "compute_root_from_scratch",
        "compute_tree_key", "key_to_path", "verify_inclusion_proof",
    ],
}


@pytest.mark.parametrize(("module", "name"), [(m, n) for m, names in PROMISED.items() for n in names])
def test_promised_name_imports_from_its_old_path(module: str, name: str) -> None:
    assert getattr(importlib.import_module(module), name) is not None


def test_fee_model_v2_keeps_its_signature_and_keyword_defaults() -> None:
    from zkedu.rollup.fees import fee_model_v2

    params = inspect.signature(fee_model_v2).parameters
    assert list(params)[:3] == ["l1_gas_price", "l1_pubdata_price", "minimal_l2_gas_price"]
    defaults = {n: p.default for n, p in params.items() if p.kind is inspect.Parameter.KEYWORD_ONLY}
    assert defaults == {"batch_overhead_l1_gas": 800_000, "max_gas_per_batch": 200_000_000,
                        "max_pubdata_per_batch": 240_000, "compute_overhead_part": 0.0, "pubdata_overhead_part": 1.0}
    fees = fee_model_v2(10 * 10**9, 5 * 10**9, 25_000_000)
    assert (fees.fair_pubdata_price, fees.base_fee, fees.gas_per_pubdata) == (38_333_333_334, 25_000_000, 1534)


def test_records_keep_their_fields_in_order() -> None:
    from zkedu.rollup.pubdata import BatchPubdata
    from zkedu.rollup.records import L2ToL1Log, StateDiff
    from zkedu.rollup.state import MerkleProof

    def fields(cls: type) -> list[str]:
        return [f.name for f in dataclasses.fields(cls)]

    assert fields(L2ToL1Log) == ["shard_id", "is_service", "tx_number_in_batch", "sender", "key", "value"]
    assert fields(StateDiff) == ["derived_key", "enumeration_index", "initial_value", "final_value"]
    assert fields(BatchPubdata) == ["l2_to_l1_logs", "messages", "bytecodes", "state_diffs"]
    assert fields(MerkleProof) == ["key", "value", "leaf_index", "siblings"]


def test_state_tree_keeps_its_methods_and_behaviour() -> None:
    from zkedu.rollup.state import StateTree, compute_root_from_scratch, verify_inclusion_proof

    tree = StateTree()
    for method in ("update", "update_one", "root", "leaf_count", "leaf_index", "prove"):
        assert hasattr(tree, method), method
    key = bytes(31) + b"\x07"
    tree.update_one(key, 5)
    assert tree.leaf_index(key) == 1 and tree.leaf_count == 1
    assert tree.root == compute_root_from_scratch({key: (1, 5)})  # key -> (leaf index, value)
    assert verify_inclusion_proof(tree.root, tree.prove(key))


def test_seal_compute_diff_size_and_public_input_keep_their_signatures() -> None:
    from zkedu.rollup.proof import compute_public_input
    from zkedu.rollup.seal import compute_diff_size

    assert list(inspect.signature(compute_diff_size).parameters) == ["index_before", "initial", "final"]
    assert compute_diff_size(7, 100, 101) == 6
    assert list(inspect.signature(compute_public_input).parameters) == ["prev_commitment", "new_commitment"]
    assert 0 <= compute_public_input(bytes(32), bytes(32)) < 2**224
