"""The server's clip of fee model V2's fair prices to the bootloader's maxima, as its own step.

``fee_model_v2`` returns what the server's ``compute_batch_fee_model_input_v2`` computes. Before the
prices reach the bootloader, the server clips them: a fair L2 gas price at or above
``MAX_ALLOWED_FAIR_L2_GAS_PRICE`` (10,000 gwei) becomes that maximum, and a fair pubdata price at or above
``MAX_ALLOWED_FAIR_PUBDATA_PRICE`` (1,000,000 gwei per byte) becomes that one, so that the chain keeps
running (at a loss) instead of refusing transactions when L1 is extremely expensive. The base fee and gas
per pubdata are then derived from the clipped prices. What users pay is the clipped result.

Source: zksync-era core/lib/types/src/fee_model.rs (clip_batch_fee_model_input_v2 and its tests
test_compute_batch_fee_model_input_v2_gas_price_over_limit_due_to_l1_gas / _due_to_conversion_rate);
era-contracts system-contracts bootloader (MAX_ALLOWED_FAIR_L2_GAS_PRICE, MAX_ALLOWED_FAIR_PUBDATA_PRICE).
"""

from __future__ import annotations

import dataclasses

from zkedu.rollup.fees import BatchFeeInput, derive_base_fee_and_gas_per_pubdata, fee_model_v2

MAX_ALLOWED_FAIR_L2_GAS_PRICE = 10_000_000_000_000  # wei per L2 gas: 10,000 gwei
MAX_ALLOWED_FAIR_PUBDATA_PRICE = 1_000_000_000_000_000  # wei per pubdata byte: 1,000,000 gwei


def clip_batch_fee_model_input_v2(fee_input: BatchFeeInput) -> BatchFeeInput:
    """Clip the fair prices to the bootloader's maxima and re-derive base fee and gas per pubdata.

    >>> f = clip_batch_fee_model_input_v2(fee_model_v2(10**18, 10**14, 100 * 10**9, compute_overhead_part=0.5,
    ...     pubdata_overhead_part=0.5, batch_overhead_l1_gas=700_000, max_gas_per_batch=500_000_000,
    ...     max_pubdata_per_batch=100_000))
    >>> f.fair_l2_gas_price, f.fair_pubdata_price
    (10000000000000, 1000000000000000)
    """
    if not isinstance(fee_input, BatchFeeInput):
        raise TypeError(f"expected a BatchFeeInput, got {type(fee_input).__name__}")
    fair_l2 = min(fee_input.fair_l2_gas_price, MAX_ALLOWED_FAIR_L2_GAS_PRICE)
    fair_pubdata = min(fee_input.fair_pubdata_price, MAX_ALLOWED_FAIR_PUBDATA_PRICE)
    if (fair_l2, fair_pubdata) == (fee_input.fair_l2_gas_price, fee_input.fair_pubdata_price):
        return fee_input
    base_fee, gas_per_pubdata = derive_base_fee_and_gas_per_pubdata(fair_pubdata, fair_l2)
    return dataclasses.replace(fee_input, fair_l2_gas_price=fair_l2, fair_pubdata_price=fair_pubdata,
                               base_fee=base_fee, gas_per_pubdata=gas_per_pubdata)


def is_clipped(fee_input: BatchFeeInput) -> bool:
    """Whether the server would clip either fair price of this (unclipped) fee input."""
    return (fee_input.fair_l2_gas_price >= MAX_ALLOWED_FAIR_L2_GAS_PRICE
            or fee_input.fair_pubdata_price >= MAX_ALLOWED_FAIR_PUBDATA_PRICE)


def compute_clipped_fee_input(
    l1_gas_price: int, l1_pubdata_price: int, minimal_l2_gas_price: int, **config: float
) -> BatchFeeInput:
    """What the bootloader receives: ``fee_model_v2`` (same arguments and defaults), then the server's clip."""
    return clip_batch_fee_model_input_v2(fee_model_v2(l1_gas_price, l1_pubdata_price, minimal_l2_gas_price, **config))
