"""The Elastic Network: several ZK Stack chains, their settlement layers, proof-based interop and Prividium.

Source: EC l1-contracts (bridgehub/MessageRoot.sol, interop/InteropCenter.sol); ERA docs/src/specs/contracts/interop/.
"""

from __future__ import annotations

from zkedu.interop.fees import (
    DEFAULT_ZK_INTEROP_FEE,
    TOKEN_DECIMALS,
    UNITS_PER_TOKEN,
    FeeCharge,
    FeeLedger,
    FeeSink,
    FeeToken,
    InteropFeePolicy,
    charge_interop_fee,
    compute_interop_fee,
    tokens_to_units,
    units_to_tokens,
)
from zkedu.interop.message_root import (
    MessageRoot,
    compute_batch_leaf_hash,
    compute_chain_batch_root,
    compute_chain_id_leaf_hash,
)
from zkedu.interop.proof import (
    InteropRejected,
    L2Message,
    RejectReason,
    check_leaf_inclusion,
    check_message_inclusion,
    verify_leaf_inclusion,
)

__all__ = [
    "DEFAULT_ZK_INTEROP_FEE",
    "TOKEN_DECIMALS",
    "UNITS_PER_TOKEN",
    "FeeCharge",
    "FeeLedger",
    "FeeSink",
    "FeeToken",
    "InteropFeePolicy",
    "InteropRejected",
    "L2Message",
    "MessageRoot",
    "RejectReason",
    "charge_interop_fee",
    "check_leaf_inclusion",
    "check_message_inclusion",
    "compute_batch_leaf_hash",
    "compute_chain_batch_root",
    "compute_chain_id_leaf_hash",
    "compute_interop_fee",
    "tokens_to_units",
    "units_to_tokens",
    "verify_leaf_inclusion",
]
