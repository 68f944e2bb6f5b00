"""Chapter 10 widget: update() summarises the model's own simulation; controls move what they should."""

from __future__ import annotations

import numpy as np
import pytest

from zkedu.economics import simulate
from zkedu.economics.sensitivity import ISHIGAMI_FACTORS, compute_sobol_indices, ishigami
from zkedu.widgets import ch10_tokenomics as w
from zkedu.widgets.common import legibility_problems, unlabelled_axes


def test_view_is_the_models_yearly_summary() -> None:
    view = w.update()
    r = simulate(w.to_params(), w.WIDGET_YEARS * 365, w.WIDGET_PATHS, w.SEED)
    assert view.years.tolist() == [1, 2, 3, 4, 5]
    np.testing.assert_allclose(view.median_flows_zk[0], np.median(r.yearly("burned_zk"), axis=0))
    np.testing.assert_allclose(view.median_flows_zk[3], np.median(r.yearly("retained_zk"), axis=0))
    np.testing.assert_allclose(view.burn_share_bands[1], np.median(r.yearly_burn_share(), axis=0))
    assert np.all(view.burn_share_bands[0] <= view.burn_share_bands[1])
    assert np.all(view.burn_share_bands[1] <= view.burn_share_bands[2])
    assert view.exhausted_share == r.supply_exhausted.mean()


def test_reference_update_agrees_with_the_numpy_update() -> None:
    fast, slow = w.update(burn_share=0.5, staking_share=0.5, ecosystem_share=0.0), \
        w.update_reference(burn_share=0.5, staking_share=0.5, ecosystem_share=0.0)
    np.testing.assert_allclose(fast.yield_bands, slow.yield_bands, rtol=1e-9)


def test_controls_move_the_outputs_they_should() -> None:
    base = w.update()
    assert w.to_params().retained_share == pytest.approx(0.1)
    double_fee = w.update(fee_per_message_usd=2 * w.DEFAULTS["fee_per_message_usd"])
    assert np.all(double_fee.burn_share_bands[1] > base.burn_share_bands[1])
    more_staked = w.update(staked_share=0.4)
    np.testing.assert_allclose(more_staked.yield_bands, base.yield_bands / 2, rtol=1e-9)  # same rewards, 2x stake
    no_burn = w.update(burn_share=0.0, staking_share=0.7)
    assert np.all(no_burn.burn_share_bands == 0) and np.all(no_burn.yield_bands > base.yield_bands)
    calm = w.update(price_volatility=0.0)
    assert np.allclose(calm.burn_share_bands[0], calm.burn_share_bands[2])  # no price risk: no band
    assert "ZK" in w.describe(base)


def test_shares_over_one_are_refused_by_the_model_and_unknown_controls_are_type_errors() -> None:
    with pytest.raises(ValueError, match="retained_share must be >= 0"):  # the remainder would be negative
        w.update(burn_share=0.8, staking_share=0.3)
    with pytest.raises(TypeError, match="fee"):
        w.update(fee=0.01)  # type: ignore[call-arg]


def test_panel_keeps_the_share_sliders_within_what_the_others_leave() -> None:
    panel = w.make_widget()
    sliders = {c.name: child for c, child in zip(w.CONTROLS, panel.children, strict=False)}
    sliders["burn_share"].value = 0.6  # staking 0.3 and ecosystem 0.2 would now make 1.1
    assert sliders["burn_share"].value == 0.6
    assert sliders["staking_share"].value == pytest.approx(0.24)
    assert sliders["ecosystem_share"].value == pytest.approx(0.16)
    assert "ZK" in panel.children[-2].value  # the readout was redrawn, no error
    assert w.keep_shares_valid("burn_share", {"burn_share": 0.5, "staking_share": 0.3, "ecosystem_share": 0.2}) == {}
    assert w.keep_shares_valid("price_volatility", {"burn_share": 0.9, "staking_share": 0.9}) == {}


def test_sweep_and_sobol_figures_are_labelled_detached_and_legible() -> None:
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    sobol = compute_sobol_indices(ishigami, ISHIGAMI_FACTORS, 64, seed=0)
    for fig in (w.sweep_figure(volumes=(1e6,)), w.sobol_figure({"Ishigami": sobol, "again": sobol})):
        assert fig.get_suptitle() and unlabelled_axes(fig) == []
        assert legibility_problems(fig) == []
    assert plt.get_fignums() == before


def test_extreme_slider_settings_stay_finite() -> None:
    for controls in ({"fee_per_message_usd": 1e-5, "messages_per_day": 1e3, "licensing_musd_per_year": 0.0,
                      "price_volatility": 0.0, "zk_price_usd": 10.0, "staked_share": 1.0},
                     {"fee_per_message_usd": 1.0, "messages_per_day": 1e8, "message_growth_per_year": 2.0,
                      "price_volatility": 1.5, "zk_price_usd": 0.001, "staked_share": 0.01}):
        view = w.update(**controls)
        assert np.all(np.isfinite(view.burn_share_bands)) and np.all(np.isfinite(view.yield_bands))
        assert 0 <= view.exhausted_share <= 1
