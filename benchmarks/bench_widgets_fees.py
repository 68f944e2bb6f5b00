"""Fee widgets: each update() (vectorised numpy) against the same sweep point by point with the exact scalar model."""

from __future__ import annotations

import os
from collections.abc import Iterator
from fractions import Fraction

os.environ.setdefault("MPLBACKEND", "Agg")

from benchmarks.harness import Result, best_time
from zkedu.rollup.amortisation import compute_amortised_cost, compute_fill_seconds
from zkedu.rollup.fee_sweep import compute_batch_economics_exact, compute_mix_use
from zkedu.rollup.units import gwei_to_wei
from zkedu.widgets import ch01_rollups, ch08_fees

WIDGET_BUDGET_SECONDS = 0.1


def _ch01_point_by_point() -> None:
    d = ch01_rollups.DEFAULTS
    price = gwei_to_wei(d["l1_gas_price_gwei"])
    for n in ch01_rollups.BATCH_SIZES:
        compute_amortised_cost(int(n), price, d["pubdata_bytes_per_tx"], fixed_l1_gas_per_batch=d["fixed_l1_gas"])
        compute_fill_seconds(int(n), d["arrival_rate"])


def _ch08_point_by_point() -> None:
    d = ch08_fees.DEFAULTS
    use = compute_mix_use(d["transfer_share"], d["compression"])
    for rate in ch08_fees.ARRIVAL_RATES:
        compute_batch_economics_exact(
            Fraction(float(rate)), use=use, l1_gas_price=gwei_to_wei(d["l1_gas_price_gwei"]),
            blob_base_fee=gwei_to_wei(d["blob_base_fee_gwei"]), da=d["da"], timeout=Fraction(d["timeout"]),
            chain=ch08_fees.CHAIN,
        )


def run() -> Iterator[Result]:
    for name, module, baseline in (("ch01_rollups", ch01_rollups, _ch01_point_by_point),
                                   ("ch08_fees", ch08_fees, _ch08_point_by_point)):
        module.update()  # warm up, as a reader's first slider move would find it
        subject = best_time(module.update, repeat=20)
        base = best_time(baseline, repeat=3)
        yield Result(
            f"widget {name}", "update() (numpy sweep)", subject, "exact scalar model point by point", base,
            budget_seconds=WIDGET_BUDGET_SECONDS,
            note=f"{len(getattr(module, 'BATCH_SIZES', getattr(module, 'ARRIVAL_RATES', ())))} points",
        )
