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

__all__ = [
    "DEFAULT_ZK_INTEROP_FEE",
    "TOKEN_DECIMALS",
    "UNITS_PER_TOKEN",
    "FeeCharge",
    "FeeLedger",
    "FeeSink",
    "FeeToken",
    "InteropFeePolicy",
    "charge_interop_fee",
    "compute_interop_fee",
    "tokens_to_units",
    "units_to_tokens",
]
