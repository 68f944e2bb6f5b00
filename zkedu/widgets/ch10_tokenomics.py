"""Chapter 10 widget: treasury flows, yearly burn as a share of supply, and staking yield, with Monte Carlo bands.

The model is ``zkedu.economics.simulate`` over ``WIDGET_YEARS`` years of days on ``WIDGET_PATHS`` seeded price
paths (fewer than the chapter's 1,000, so that a slider move redraws in well under 100 ms). The retained share is
whatever the three share sliders leave: ``update`` refuses shares adding up to more than 1 with the model's own
error, and in the panel the share just moved wins while the other two shrink in proportion
(``keep_shares_valid``), so a reader cannot reach such a setting.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np
from matplotlib.figure import Figure

from zkedu.economics import TokenomicsParams, TokenomicsPaths, simulate, simulate_reference
from zkedu.economics.params import DAYS_PER_YEAR
from zkedu.economics.presets import BASELINE
from zkedu.economics.sensitivity import SobolIndices
from zkedu.widgets.common import Control, build_panel, control_defaults, label, new_figure, static_twin

WIDGET_YEARS = 5
WIDGET_PATHS = 200
SEED = 10
BAND = (5, 50, 95)  # percentiles drawn: a 90% band around the median
SHARES = ("burn_share", "staking_share", "ecosystem_share")  # the retained share is what these leave
CONTROLS = (
    Control("fee_per_message_usd", "fee per message [USD]", BASELINE.fee_per_message_usd, "log", -5, 0, 0.1),
    Control("messages_per_day", "messages per day", BASELINE.messages_per_day, "log", 3, 8, 0.1),
    Control("message_growth_per_year", "volume growth [per year]", BASELINE.message_growth_per_year, "float",
            -0.5, 2.0, 0.05),
    Control("licensing_musd_per_year", "licensing [$M per year]", BASELINE.licensing_usd_per_year / 1e6, "float",
            0.0, 100.0, 1.0),
    Control("burn_share", "burn share", BASELINE.burn_share, "float", 0.0, 1.0, 0.05),
    Control("staking_share", "staking share", BASELINE.staking_share, "float", 0.0, 1.0, 0.05),
    Control("ecosystem_share", "ecosystem share", BASELINE.ecosystem_share, "float", 0.0, 1.0, 0.05),
    Control("zk_price_usd", "ZK price today [USD]", BASELINE.zk_price_usd, "log", -3, 1, 0.05),
    Control("price_volatility", "price volatility [per year]", BASELINE.price_volatility, "float", 0.0, 1.5, 0.05),
    Control("staked_share", "staked share of circulating", BASELINE.staked_share, "float", 0.01, 1.0, 0.01),
)
DEFAULTS = control_defaults(CONTROLS)
FLOW_LABELS = {"burned_zk": "burned", "staking_zk": "staking rewards", "ecosystem_zk": "ecosystem",
               "retained_zk": "retained"}


@dataclass(frozen=True)
class TokenomicsView:
    """What the widget draws: per full year, median flows (ZK), and percentile bands of burn share and yield."""

    params: TokenomicsParams
    years: np.ndarray  # 1, 2, ... WIDGET_YEARS
    median_flows_zk: np.ndarray  # (4, years): FLOW_LABELS in order, median over paths
    median_revenue_usd: np.ndarray  # per year
    burn_share_bands: np.ndarray  # (3, years): 5th, 50th, 95th percentile of the yearly burn / supply
    yield_bands: np.ndarray  # (3, years): the same for the staking yield
    exhausted_share: float  # share of paths on which the burn took the whole supply


def to_params(**controls: float) -> TokenomicsParams:
    """The model parameters for one setting of the controls (by name; missing ones take ``DEFAULTS``).

    The retained share is what the other three shares leave.
    """
    unknown = sorted(set(controls) - set(DEFAULTS))
    if unknown:
        raise TypeError(f"unknown tokenomics control(s): {unknown}")
    c = {**DEFAULTS, **controls}
    retained = 1.0 - c["burn_share"] - c["staking_share"] - c["ecosystem_share"]
    if -1e-9 < retained < 0:
        retained = 0.0  # slider rounding
    return replace(BASELINE, fee_per_message_usd=c["fee_per_message_usd"], messages_per_day=c["messages_per_day"],
                   message_growth_per_year=c["message_growth_per_year"],
                   licensing_usd_per_year=c["licensing_musd_per_year"] * 1e6, burn_share=c["burn_share"],
                   staking_share=c["staking_share"], ecosystem_share=c["ecosystem_share"], retained_share=retained,
                   zk_price_usd=c["zk_price_usd"], price_volatility=c["price_volatility"],
                   staked_share=c["staked_share"])


def keep_shares_valid(name: str, values: Mapping[str, float]) -> dict[str, dict[str, float]]:
    """Panel hook: the share just moved wins; if the three would exceed 1, the other two shrink in proportion."""
    if name not in SHARES:
        return {}
    others = [o for o in SHARES if o != name]
    room, taken = 1.0 - values[name], sum(values[o] for o in others)
    if taken <= room + 1e-12:
        return {}
    return {o: {"value": values[o] * room / taken} for o in others}


def summarise(result: TokenomicsPaths) -> TokenomicsView:
    """Reduce a simulation to the widget's yearly medians and percentile bands."""
    flows = np.array([np.median(result.yearly(name), axis=0) for name in FLOW_LABELS])
    return TokenomicsView(
        result.params, np.arange(1, result.days // DAYS_PER_YEAR + 1), flows,
        np.median(result.yearly("revenue_usd"), axis=0),
        np.percentile(result.yearly_burn_share(), BAND, axis=0),
        np.percentile(result.yearly_staking_yield(), BAND, axis=0),
        float(result.supply_exhausted.mean()),
    )


def update(
    fee_per_message_usd: float = DEFAULTS["fee_per_message_usd"],
    messages_per_day: float = DEFAULTS["messages_per_day"],
    message_growth_per_year: float = DEFAULTS["message_growth_per_year"],
    licensing_musd_per_year: float = DEFAULTS["licensing_musd_per_year"],
    burn_share: float = DEFAULTS["burn_share"],
    staking_share: float = DEFAULTS["staking_share"],
    ecosystem_share: float = DEFAULTS["ecosystem_share"],
    zk_price_usd: float = DEFAULTS["zk_price_usd"],
    price_volatility: float = DEFAULTS["price_volatility"],
    staked_share: float = DEFAULTS["staked_share"],
) -> TokenomicsView:
    """The data the widget draws for one setting of its controls (numpy model)."""
    p = to_params(**locals())  # the keywords above, by name: the one place the controls become parameters
    return summarise(simulate(p, WIDGET_YEARS * DAYS_PER_YEAR, WIDGET_PATHS, SEED))


def update_reference(**controls: float) -> TokenomicsView:
    """The same view computed with the plain Python loop (for the benchmark and its test)."""
    return summarise(simulate_reference(to_params(**controls), WIDGET_YEARS * DAYS_PER_YEAR, WIDGET_PATHS, SEED))


def _band(ax, years: np.ndarray, bands: np.ndarray, colour: str) -> None:
    ax.fill_between(years, bands[0] * 100, bands[2] * 100, color=colour, alpha=0.25, label="5-95% of paths")
    ax.plot(years, bands[1] * 100, color=colour, marker="o", label="median path")
    if np.all(bands > 0):
        ax.set_yscale("log")  # the bands are skewed: a falling price path buys and burns far more
    ax.set_xticks(years)
    ax.legend(loc="upper left")


def draw(view: TokenomicsView) -> Figure:
    """Three panels per year: median treasury flows (stacked), burn as % of supply, staking yield, with bands."""
    fig, (ax_flow, ax_burn, ax_yield) = new_figure("Token model: ZK bought, burned and paid to stakers", ncols=3,
                                                   size=(11.0, 4.2), detached=True)
    bottom = np.zeros(len(view.years))
    for values, text in zip(view.median_flows_zk / 1e6, FLOW_LABELS.values(), strict=True):
        ax_flow.bar(view.years, values, bottom=bottom, label=text)
        bottom += values
    ax_flow.legend(loc="upper left")
    ax_flow.set_xticks(view.years)
    label(ax_flow, "ZK bought (median path)", "year", "ZK per year [millions]")
    _band(ax_burn, view.years, view.burn_share_bands, "C3")
    label(ax_burn, "Burn / supply at year start", "year", "burned per year [%]")
    _band(ax_yield, view.years, view.yield_bands, "C2")
    label(ax_yield, "Staking yield", "year", "rewards / staked ZK [% per year]")
    return fig


def static_figure() -> Figure:
    """The widget's view at its default settings, as a static (detached) figure."""
    return static_twin(draw, update())


def compute_fee_sweep(fees: np.ndarray, volumes: tuple[float, ...], paths: int = 100) -> dict[float, np.ndarray]:
    """First-year burn share bands (3, len(fees)) for each message volume, other controls at their defaults."""
    out = {}
    for volume in volumes:
        bands = []
        for fee in fees:
            p = to_params(fee_per_message_usd=float(fee), messages_per_day=volume)
            bands.append(np.percentile(simulate(p, DAYS_PER_YEAR, paths, SEED).yearly_burn_share()[:, 0], BAND))
        out[volume] = np.array(bands).T
    return out


def compute_stake_sweep(staked_shares: np.ndarray, paths: int = 100) -> np.ndarray:
    """First-year staking yield bands (3, len(staked_shares)), other controls at their defaults."""
    bands = []
    for share in staked_shares:
        r = simulate(to_params(staked_share=float(share)), DAYS_PER_YEAR, paths, SEED)
        bands.append(np.percentile(r.yearly_staking_yield()[:, 0], BAND))
    return np.array(bands).T


def draw_sweeps(fees: np.ndarray, by_volume: dict[float, np.ndarray], shares: np.ndarray,
                stake: np.ndarray) -> Figure:
    """Two panels: first-year burn vs fee per message (one band per volume), yield vs staked share."""
    fig, (ax_fee, ax_stake) = new_figure("Two sliders swept (first year, 5-95% bands)", ncols=2, size=(10.0, 4.2),
                                         detached=True)
    for i, (volume, bands) in enumerate(by_volume.items()):
        ax_fee.fill_between(fees, bands[0] * 100, bands[2] * 100, color=f"C{i}", alpha=0.2)
        ax_fee.plot(fees, bands[1] * 100, color=f"C{i}", label=f"{volume / 1e6:g}M messages/day")
    ax_fee.set_xscale("log")
    ax_fee.set_yscale("log")
    ax_fee.legend(loc="upper left")
    label(ax_fee, "Burn vs fee per message", "fee per message [USD]", "burned / supply [%]")
    ax_stake.fill_between(shares * 100, stake[0] * 100, stake[2] * 100, color="C2", alpha=0.25)
    ax_stake.plot(shares * 100, stake[1] * 100, color="C2", label="median path")
    ax_stake.set_yscale("log")
    ax_stake.legend(loc="upper right")
    label(ax_stake, "Yield vs participation", "staked share of circulating [%]", "yield [% per year]")
    return fig


def sweep_figure(volumes: tuple[float, ...] = (1e5, 1e6, 3.131e7)) -> Figure:
    """Static sweeps of two sliders at the widget's defaults: fee per message (three volumes), staked share."""
    fees, shares = np.geomspace(1e-4, 1e-1, 19), np.linspace(0.02, 0.6, 19)
    return static_twin(draw_sweeps, fees, compute_fee_sweep(fees, volumes), shares, compute_stake_sweep(shares))


def draw_sobol(results: dict[str, SobolIndices]) -> Figure:
    """Horizontal bars of first-order and total Sobol indices (with bootstrap 95% intervals), one panel per output."""
    fig, axes = new_figure("Sobol sensitivity of the token model", nrows=len(results), size=(9.0, 8.0),
                           detached=True)
    for ax, (output, s) in zip(axes, results.items(), strict=True):
        order = np.argsort(s.total)
        y = np.arange(len(order))
        ax.barh(y + 0.2, s.total[order], height=0.4, xerr=s.total_conf[order], label="total (with interactions)")
        ax.barh(y - 0.2, s.first[order], height=0.4, xerr=s.first_conf[order], label="first order (alone)")
        ax.set_yticks(y, [s.names[i] for i in order])
        ax.legend(loc="lower right")
        label(ax, f"{output}, {s.runs:,} runs", "Sobol index [share of variance]", "input")
    return fig


def sobol_figure(results: dict[str, SobolIndices]) -> Figure:
    """The Sobol indices as a static (detached) figure."""
    return static_twin(draw_sobol, results)


def describe(view: TokenomicsView) -> str:
    """A one-line HTML readout of the first year (median path)."""
    burned, staking = view.median_flows_zk[0, 0], view.median_flows_zk[1, 0]
    return (f"<b>year 1 (median path)</b>: revenue ${view.median_revenue_usd[0]:,.0f}; burned {burned / 1e6:,.1f}M ZK "
            f"({view.burn_share_bands[1, 0]:.3%} of supply); staking rewards {staking / 1e6:,.1f}M ZK, a yield of "
            f"{view.yield_bands[1, 0]:.2%}; paths whose burn took the whole supply within {WIDGET_YEARS} years: "
            f"{view.exhausted_share:.1%}")


def make_widget():  # -> ipywidgets.Widget
    """Controls: fee, volume, growth, licensing, split shares, price, volatility, staking participation."""
    return build_panel(CONTROLS, update, draw, describe, on_change=keep_shares_valid)
