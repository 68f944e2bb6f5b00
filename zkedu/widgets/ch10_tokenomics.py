"""Chapter 10 widget: treasury flows, yearly burn as a share of supply, and staking yield, with Monte Carlo bands.

The model is ``zkedu.economics.simulate`` over ``WIDGET_YEARS`` years of days on ``WIDGET_PATHS`` seeded price
paths (fewer than the chapter's 1,000, so that a slider move redraws in well under 100 ms). The retained share is
whatever the three sliders leave; shares that add up to more than 1 are refused with the model's own error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
from matplotlib.figure import Figure

from zkedu.economics import TokenomicsParams, TokenomicsPaths, simulate, simulate_reference
from zkedu.economics.params import DAYS_PER_YEAR
from zkedu.economics.presets import BASELINE
from zkedu.economics.sensitivity import SobolIndices
from zkedu.widgets.common import label, new_figure

WIDGET_YEARS = 5
WIDGET_PATHS = 200
SEED = 10
BAND = (5, 50, 95)  # percentiles drawn: a 90% band around the median
DEFAULTS = {
    "fee_per_message_usd": BASELINE.fee_per_message_usd,
    "messages_per_day": BASELINE.messages_per_day,
    "message_growth_per_year": BASELINE.message_growth_per_year,
    "licensing_musd_per_year": BASELINE.licensing_usd_per_year / 1e6,
    "burn_share": BASELINE.burn_share,
    "staking_share": BASELINE.staking_share,
    "ecosystem_share": BASELINE.ecosystem_share,
    "zk_price_usd": BASELINE.zk_price_usd,
    "price_volatility": BASELINE.price_volatility,
    "staked_share": BASELINE.staked_share,
}
FLOW_LABELS = {"burned_zk": "burned", "staking_zk": "staking rewards", "ecosystem_zk": "ecosystem",
               "retained_zk": "retained"}


@dataclass(frozen=True)
class TokenomicsView:
    """What the widget draws: per full year, median flows (ZK), and percentile bands of burn share and yield."""

    params: TokenomicsParams
    years: np.ndarray  # 1, 2, ... WIDGET_YEARS
    median_flows_zk: dict[str, np.ndarray]  # per year, median over paths
    median_revenue_usd: np.ndarray  # per year
    burn_share_bands: np.ndarray  # (3, years): 5th, 50th, 95th percentile of the yearly burn / supply
    yield_bands: np.ndarray  # (3, years): the same for the staking yield
    exhausted_share: float  # share of paths on which the burn took the whole supply


def to_params(**controls: float) -> TokenomicsParams:
    """The model parameters for one setting of the controls (retained share = what the others leave)."""
    c = {**DEFAULTS, **controls}
    unknown = set(c) - set(DEFAULTS)
    if unknown:
        raise TypeError(f"unknown controls: {sorted(unknown)}")
    retained = 1.0 - c["burn_share"] - c["staking_share"] - c["ecosystem_share"]
    if -1e-9 < retained < 0:
        retained = 0.0  # slider rounding
    return replace(BASELINE, fee_per_message_usd=c["fee_per_message_usd"], messages_per_day=c["messages_per_day"],
                   message_growth_per_year=c["message_growth_per_year"],
                   licensing_usd_per_year=c["licensing_musd_per_year"] * 1e6, burn_share=c["burn_share"],
                   staking_share=c["staking_share"], ecosystem_share=c["ecosystem_share"], retained_share=retained,
                   zk_price_usd=c["zk_price_usd"], price_volatility=c["price_volatility"],
                   staked_share=c["staked_share"])


def summarise(result: TokenomicsPaths) -> TokenomicsView:
    """Reduce a simulation to the widget's yearly medians and percentile bands."""
    flows = {name: np.median(result.yearly(name), axis=0) for name in FLOW_LABELS}
    return TokenomicsView(
        result.params, np.arange(1, result.days // DAYS_PER_YEAR + 1), flows,
        np.median(result.yearly("revenue_usd"), axis=0),
        np.percentile(result.yearly_burn_share(), BAND, axis=0),
        np.percentile(result.yearly_staking_yield(), BAND, axis=0),
        float(result.supply_exhausted.mean()),
    )


def update(**controls: float) -> TokenomicsView:
    """The data the widget draws for one setting of its controls (numpy model)."""
    return summarise(simulate(to_params(**controls), WIDGET_YEARS * DAYS_PER_YEAR, WIDGET_PATHS, SEED))


def update_reference(**controls: float) -> TokenomicsView:
    """The same view computed with the plain Python loop (for the benchmark)."""
    return summarise(simulate_reference(to_params(**controls), WIDGET_YEARS * DAYS_PER_YEAR, WIDGET_PATHS, SEED))


def _band(ax, years: np.ndarray, bands: np.ndarray, colour: str, what: str) -> None:
    ax.fill_between(years, bands[0] * 100, bands[2] * 100, color=colour, alpha=0.25, label=f"{what}: 5-95% of paths")
    ax.plot(years, bands[1] * 100, color=colour, marker="o", label=f"{what}: median path")
    if np.all(bands > 0):
        ax.set_yscale("log")  # the bands are skewed: a falling price path buys and burns far more
    ax.set_xticks(years)


def draw(view: TokenomicsView) -> Figure:
    """Three panels per year: median treasury flows (stacked), burn as % of supply, staking yield, with bands."""
    fig, (ax_flow, ax_burn, ax_yield) = new_figure("Token model: treasury flows, burn and staking yield",
                                                   ncols=3, size=(13.0, 4.0))
    bottom = np.zeros(len(view.years))
    for name, text in FLOW_LABELS.items():
        values = view.median_flows_zk[name] / 1e6
        ax_flow.bar(view.years, values, bottom=bottom, label=text)
        bottom += values
    ax_flow.legend(loc="upper left", fontsize="small")
    ax_flow.set_xticks(view.years)
    label(ax_flow, "ZK bought by the treasury (median path)", "year", "ZK per year [millions]")
    _band(ax_burn, view.years, view.burn_share_bands, "C3", "burn")
    ax_burn.legend(loc="upper left", fontsize="small")
    label(ax_burn, "Yearly burn as a share of supply", "year", "burned / supply at year start [%]")
    _band(ax_yield, view.years, view.yield_bands, "C2", "yield")
    ax_yield.legend(loc="upper left", fontsize="small")
    label(ax_yield, "Staking yield", "year", "rewards / staked ZK [% per year]")
    return fig


def static_figure() -> Figure:
    """The widget's view at its default settings, as a static figure (detached from pyplot)."""
    import matplotlib.pyplot as plt

    fig = draw(update())
    plt.close(fig)
    return fig


def compute_fee_sweep(fees: np.ndarray, volumes: tuple[float, ...], paths: int = 100,
                      **controls: float) -> dict[float, np.ndarray]:
    """First-year burn share bands (3, len(fees)) for each message volume, other controls at their defaults."""
    out = {}
    for volume in volumes:
        bands = []
        for fee in fees:
            p = to_params(**{**controls, "fee_per_message_usd": float(fee), "messages_per_day": volume})
            bands.append(np.percentile(simulate(p, DAYS_PER_YEAR, paths, SEED).yearly_burn_share()[:, 0], BAND))
        out[volume] = np.array(bands).T
    return out


def compute_stake_sweep(staked_shares: np.ndarray, paths: int = 100, **controls: float) -> np.ndarray:
    """First-year staking yield bands (3, len(staked_shares)), other controls at their defaults."""
    bands = []
    for share in staked_shares:
        r = simulate(to_params(**{**controls, "staked_share": float(share)}), DAYS_PER_YEAR, paths, SEED)
        bands.append(np.percentile(r.yearly_staking_yield()[:, 0], BAND))
    return np.array(bands).T


def sweep_figure(volumes: tuple[float, ...] = (1e5, 1e6, 3.131e7)) -> Figure:
    """Static sweeps of two sliders: first-year burn vs fee per message (three volumes), yield vs staked share."""
    import matplotlib.pyplot as plt

    fees = np.geomspace(1e-4, 1e-1, 19)
    shares = np.linspace(0.02, 0.6, 19)
    by_volume, stake = compute_fee_sweep(fees, volumes), compute_stake_sweep(shares)
    fig, (ax_fee, ax_stake) = new_figure("Sweeps at the widget's defaults (first year, 5-95% bands)", ncols=2,
                                         size=(11.0, 4.0))
    for i, (volume, bands) in enumerate(by_volume.items()):
        ax_fee.fill_between(fees, bands[0] * 100, bands[2] * 100, color=f"C{i}", alpha=0.2)
        ax_fee.plot(fees, bands[1] * 100, color=f"C{i}", label=f"{volume:,.0f} messages/day")
    ax_fee.set_xscale("log")
    ax_fee.set_yscale("log")
    ax_fee.legend(loc="upper left", fontsize="small")
    label(ax_fee, "First-year burn vs fee per message", "fee per message [USD]", "burned / supply [%]")
    ax_stake.fill_between(shares * 100, stake[0] * 100, stake[2] * 100, color="C2", alpha=0.25)
    ax_stake.plot(shares * 100, stake[1] * 100, color="C2", label="median path")
    ax_stake.set_yscale("log")
    ax_stake.legend(loc="upper right", fontsize="small")
    label(ax_stake, "Staking yield vs participation", "staked share of circulating supply [%]",
          "first-year yield [% per year]")
    plt.close(fig)
    return fig


def sobol_figure(results: dict[str, SobolIndices]) -> Figure:
    """Horizontal bars of first-order and total Sobol indices (with bootstrap 95% intervals), one panel per output."""
    import matplotlib.pyplot as plt

    fig, axes = new_figure("Sobol sensitivity of the token model", ncols=len(results), size=(12.0, 4.2))
    for ax, (output, s) in zip(axes, results.items(), strict=True):
        order = np.argsort(s.total)
        y = np.arange(len(order))
        ax.barh(y + 0.2, s.total[order], height=0.4, xerr=s.total_conf[order], label="total (with interactions)")
        ax.barh(y - 0.2, s.first[order], height=0.4, xerr=s.first_conf[order], label="first order (alone)")
        ax.set_yticks(y, [s.names[i] for i in order], fontsize="small")
        ax.legend(loc="lower right", fontsize="small")
        label(ax, f"{output} ({s.runs:,} runs)", "Sobol index [share of variance]", "input")
    plt.close(fig)
    return fig


def describe(view: TokenomicsView) -> str:
    """A one-line HTML readout of the first year (median path)."""
    burned, staking = view.median_flows_zk["burned_zk"][0], view.median_flows_zk["staking_zk"][0]
    return (f"<b>year 1 (median path)</b>: revenue ${view.median_revenue_usd[0]:,.0f}; burned {burned / 1e6:,.1f}M ZK "
            f"({view.burn_share_bands[1, 0]:.3%} of supply); staking rewards {staking / 1e6:,.1f}M ZK, a yield of "
            f"{view.yield_bands[1, 0]:.2%}; paths whose burn took the whole supply within {WIDGET_YEARS} years: "
            f"{view.exhausted_share:.1%}")


def make_widget():  # -> ipywidgets.Widget (imported lazily: the book's HTML does not need it)
    """Controls: fee, volume, growth, licensing, split shares, price, volatility, staking participation."""
    import ipywidgets as w
    import matplotlib.pyplot as plt
    from IPython.display import display

    style, layout = {"description_width": "220px"}, w.Layout(width="580px")

    def slider(kind: Callable[..., w.Widget], name: str, description: str, **kw: float) -> w.Widget:
        return kind(value=DEFAULTS[name], description=description, style=style, layout=layout, **kw)

    controls = {
        "fee_per_message_usd": slider(w.FloatLogSlider, "fee_per_message_usd", "fee per message [USD]", base=10,
                                      min=-5, max=0, step=0.1, readout_format=".5f"),
        "messages_per_day": slider(w.FloatLogSlider, "messages_per_day", "messages per day", base=10, min=3, max=8,
                                   step=0.1, readout_format=",.0f"),
        "message_growth_per_year": slider(w.FloatSlider, "message_growth_per_year", "volume growth [per year]",
                                          min=-0.5, max=2.0, step=0.05),
        "licensing_musd_per_year": slider(w.FloatSlider, "licensing_musd_per_year", "licensing [$M per year]",
                                          min=0.0, max=100.0, step=1.0),
        "burn_share": slider(w.FloatSlider, "burn_share", "burn share", min=0.0, max=1.0, step=0.05),
        "staking_share": slider(w.FloatSlider, "staking_share", "staking share", min=0.0, max=1.0, step=0.05),
        "ecosystem_share": slider(w.FloatSlider, "ecosystem_share", "ecosystem share", min=0.0, max=1.0, step=0.05),
        "zk_price_usd": slider(w.FloatLogSlider, "zk_price_usd", "ZK price today [USD]", base=10, min=-3, max=1,
                               step=0.05, readout_format=".4f"),
        "price_volatility": slider(w.FloatSlider, "price_volatility", "price volatility [per year]", min=0.0,
                                   max=1.5, step=0.05),
        "staked_share": slider(w.FloatSlider, "staked_share", "staked share of circulating", min=0.01, max=1.0,
                               step=0.01),
    }
    readout = w.HTML()

    def redraw(**values: float) -> None:
        try:
            view = update(**values)
        except ValueError as err:  # e.g. shares summing to more than 1
            readout.value = f"<b>not a valid setting:</b> {err}"
            return
        readout.value = describe(view)
        fig = draw(view)
        display(fig)
        plt.close(fig)

    out = w.interactive_output(redraw, controls)
    return w.VBox([*controls.values(), readout, out])
