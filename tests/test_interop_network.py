"""Proof-based interop end to end, on Gateway and on L1: the five steps, every rejection, and the invariants
(supply conserved, no mint without a proven burn, each message consumed once, imports match history)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.hashing import keccak256
from zkedu.interop import InteropRejected, L2Message, RejectReason
from zkedu.interop.assets import ReplayRejected, TokenBridge, decode_transfer, encode_transfer
from zkedu.interop.network import (
    GATEWAY_CHAIN_ID,
    L1_CHAIN_ID,
    InteropNetwork,
    InteropRoot,
    SentMessage,
    Settlement,
)
from zkedu.interop.proof import check_message_inclusion

ALICE, BOB = bytes(19) + b"\xa1", bytes(19) + b"\xb0"
MODES = list(Settlement)


def _deliver(net: InteropNetwork, sent: SentMessage, dest: int) -> list[bytes]:
    net.seal_batch(sent.chain_id)
    net.execute_batch(sent.chain_id)
    net.import_roots(dest)
    return net.prove_message(sent, on_chain=dest)


@pytest.mark.parametrize("mode", MODES)
def test_the_five_steps_prove_a_message_on_the_destination(mode: Settlement) -> None:
    net = InteropNetwork([324, 325, 326], mode)
    layer = GATEWAY_CHAIN_ID if mode is Settlement.GATEWAY else L1_CHAIN_ID
    net.send_message(324, ALICE, b"first")
    sent = net.send_message(324, ALICE, b"second")  # step 1
    batch = net.seal_batch(324)
    root = net.execute_batch(324)  # step 2
    assert net.chains[layer].message_root.historical_root(1) == root
    net.import_roots(325)  # step 3
    assert net.chains[325].interop_roots == {(layer, 1): root}
    proof = net.prove_message(sent, on_chain=325)  # step 5 (before B's batch executes: imports are optimistic)
    assert len(proof) == 1 + 15 + 1 + 0 + 2 + 1 + 2  # one batch on the chain's tree, 4 chains on the layer's
    assert net.verify_message(325, sent, proof) == root
    assert check_message_inclusion(net.chains[325].interop_roots, 324, batch.number, 1, sent.message, proof) == root
    net.seal_batch(325)
    net.execute_batch(325)  # step 4: the import is checked against the layer's history


def test_gateway_batches_carry_the_chains_roots_to_l1() -> None:
    net = InteropNetwork([324, 325], Settlement.GATEWAY)
    net.send_message(324, ALICE, b"x")
    net.settle_all()
    gateway = net.chains[GATEWAY_CHAIN_ID]
    gw_batch = gateway.batches[-1]
    assert gw_batch.aggregated_root == gateway.message_root.aggregated_root()
    l1 = net.chains[L1_CHAIN_ID].message_root
    assert l1.batch_count(GATEWAY_CHAIN_ID) == 1
    assert l1.chain_root(GATEWAY_CHAIN_ID) != bytes(32)
    assert l1.chain_ids == (L1_CHAIN_ID, GATEWAY_CHAIN_ID)  # chains on Gateway are not L1's leaves


@pytest.mark.parametrize("mode", MODES)
def test_a_forged_import_makes_the_importing_chains_batch_revert(mode: Settlement) -> None:
    net = InteropNetwork([324, 325], mode)
    layer = net.layer_of(325).chain_id
    net.import_roots(325, forged=InteropRoot(layer, 7, keccak256(b"fake root")))
    net.seal_batch(325)
    with pytest.raises(InteropRejected, match="imported") as info:
        net.execute_batch(325)
    assert info.value.reason is RejectReason.IMPORT_MISMATCH
    assert net.chains[325].executed == 0


@pytest.mark.parametrize("mode", MODES)
def test_forged_messages_unknown_chains_and_missing_roots_are_rejected_with_reasons(mode: Settlement) -> None:
    net = InteropNetwork([324, 325], mode)
    sent = net.send_message(324, ALICE, b"pay 5")
    proof = _deliver(net, sent, 325)
    forged = SentMessage(324, sent.batch_number, sent.index, L2Message(0, ALICE, b"pay 500"))
    with pytest.raises(InteropRejected) as info:
        net.verify_message(325, forged, proof)
    assert info.value.reason is RejectReason.ROOT_MISMATCH
    with pytest.raises(InteropRejected) as info:
        net.verify_message(325, SentMessage(999, 1, 0, sent.message), proof)
    assert info.value.reason is RejectReason.UNKNOWN_CHAIN
    fresh = InteropNetwork([324, 325, 326], mode)
    sent2 = fresh.send_message(324, ALICE, b"pay 5")
    proof2 = _deliver(fresh, sent2, 325)
    with pytest.raises(InteropRejected) as info:
        fresh.verify_message(326, sent2, proof2)  # 326 never imported the root
    assert info.value.reason is RejectReason.ROOT_NOT_IMPORTED
    with pytest.raises(ValueError, match="no root"):
        fresh.prove_message(sent2, on_chain=326)


def test_proofs_against_older_roots_stay_valid_as_the_tree_grows() -> None:
    net = InteropNetwork([324, 325, 326], Settlement.GATEWAY)
    sent = net.send_message(324, ALICE, b"early")
    proof = _deliver(net, sent, 325)
    for _ in range(5):
        net.send_message(326, BOB, b"noise")
        net.seal_batch(326)
        net.execute_batch(326)
        net.seal_batch(324)
        net.execute_batch(324)
    net.import_roots(325)
    assert net.verify_message(325, sent, proof)
    assert net.verify_message(325, sent, net.prove_message(sent, on_chain=325))


MIXED = {324: Settlement.GATEWAY, 325: Settlement.L1, 326: Settlement.GATEWAY}


def test_a_message_from_gateway_to_an_l1_chain_climbs_through_gateways_batch() -> None:
    net = InteropNetwork([324, 325, 326], MIXED)
    assert net.layer_of(324).chain_id == GATEWAY_CHAIN_ID and net.layer_of(325).chain_id == L1_CHAIN_ID
    sent = net.send_message(324, ALICE, b"from Gateway to L1")
    net.seal_batch(324)
    net.execute_batch(324)  # on Gateway
    net.import_roots(325)
    with pytest.raises(ValueError, match="no executed batch of settlement layer"):
        net.prove_message(sent, on_chain=325)  # Gateway has not settled a batch carrying it yet
    net.seal_batch(GATEWAY_CHAIN_ID)
    net.execute_batch(GATEWAY_CHAIN_ID)  # Gateway's batch, carrying 324's, executes on L1
    net.import_roots(325)
    proof = net.prove_message(sent, on_chain=325)
    metadata = [w for w in proof if w[0] == 1 and w[4:] == bytes(28)]
    assert [m[3] for m in metadata] == [0, 0, 1]  # three nodes: chain -> Gateway -> L1, the last final
    assert net.verify_message(325, sent, proof) == net.chains[L1_CHAIN_ID].message_root.historical_root(1)
    forged = list(proof)
    forged[20] = keccak256(forged[20])
    with pytest.raises(InteropRejected) as info:
        net.verify_message(325, sent, forged)
    assert info.value.reason is RejectReason.ROOT_MISMATCH


def test_a_message_from_an_l1_chain_cannot_be_proven_on_gateway() -> None:
    net = InteropNetwork([324, 325, 326], MIXED)
    sent = net.send_message(325, ALICE, b"from L1 to Gateway")
    net.seal_batch(325)
    net.execute_batch(325)
    net.settle_all()
    net.import_roots(324)
    with pytest.raises(ValueError, match="never includes"):
        net.prove_message(sent, on_chain=324)


def test_every_chain_needs_a_settlement() -> None:
    with pytest.raises(TypeError, match="326"):
        InteropNetwork([324, 326], {324: Settlement.L1})


def test_transfer_encoding_round_trips_and_rejects_garbage() -> None:
    data = encode_transfer(bytes(32), 325, BOB, 10)
    assert decode_transfer(data) == (bytes(32), 325, BOB, 10)
    with pytest.raises(ValueError, match="not a transfer"):
        decode_transfer(data[:-1])


@pytest.mark.parametrize("mode", MODES)
def test_burn_then_mint_once_and_replay_is_rejected(mode: Settlement) -> None:
    net = InteropNetwork([324, 325], mode)
    bridge = TokenBridge(net)
    bridge.mint_genesis(324, ALICE, 100)
    sent = bridge.send(324, ALICE, 325, BOB, 30)
    assert bridge.balance(324, ALICE) == 70 and bridge.total_supply() == 100
    proof = _deliver(net, sent, 325)
    assert bridge.receive(325, sent, proof) == 30
    assert bridge.balance(325, BOB) == 30 and bridge.total_supply() == 100
    assert net.verify_message(325, sent, proof)  # the protocol itself accepts the proof again...
    with pytest.raises(ReplayRejected) as info:  # ...only the application's nullifier stops a second mint
        bridge.receive(325, sent, proof)
    assert info.value.reason is RejectReason.ALREADY_CONSUMED
    assert bridge.balance(325, BOB) == 30


def test_mint_requires_the_bridge_as_sender_and_the_right_destination() -> None:
    net = InteropNetwork([324, 325, 326], Settlement.L1)
    bridge = TokenBridge(net)
    bridge.mint_genesis(324, ALICE, 100)
    fake = net.send_message(324, ALICE, encode_transfer(bridge.asset_id, 325, BOB, 1000))  # not the bridge
    proof = _deliver(net, fake, 325)
    with pytest.raises(InteropRejected) as info:
        bridge.receive(325, fake, proof)
    assert info.value.reason is RejectReason.WRONG_SENDER
    sent = bridge.send(324, ALICE, 326, BOB, 5)
    proof = _deliver(net, sent, 325)
    with pytest.raises(ValueError, match="on chain 326"):
        bridge.receive(325, sent, proof)
    with pytest.raises(ValueError, match="cannot send"):
        bridge.send(324, ALICE, 325, BOB, 1000)
    assert bridge.total_supply() == 100


actions = st.lists(st.tuples(st.sampled_from(["send", "settle", "import", "receive", "replay", "forge"]),
                             st.integers(0, 2), st.integers(0, 2), st.integers(1, 40)), max_size=25)


@settings(max_examples=30, deadline=None)
@given(mode=st.sampled_from([*MODES, "mixed"]), script=actions)
def test_invariants_hold_under_any_interleaving(mode: object, script: list[tuple[str, int, int, int]]) -> None:
    chains = [324, 325, 326]
    net = InteropNetwork(chains, MIXED if mode == "mixed" else mode)  # type: ignore[arg-type]
    bridge = TokenBridge(net)
    for c in chains:
        bridge.mint_genesis(c, ALICE, 100)
    sent_log: list[SentMessage] = []
    minted: list[SentMessage] = []
    for action, a, b, amount in script:
        src, dst = chains[a], chains[b]
        if action == "send" and src != dst and bridge.balance(src, ALICE) >= amount:
            sent_log.append(bridge.send(src, ALICE, dst, ALICE, amount))
        elif action == "settle":
            net.seal_batch(src)
            net.execute_batch(src)
            if GATEWAY_CHAIN_ID in net.chains and amount % 2:
                net.seal_batch(GATEWAY_CHAIN_ID)
                net.execute_batch(GATEWAY_CHAIN_ID)
        elif action == "import":
            net.import_roots(src)
        elif action in ("receive", "replay", "forge") and sent_log:
            sent = sent_log[a % len(sent_log)]
            to = decode_transfer(sent.message.data)[1]
            try:
                proof = net.prove_message(sent, on_chain=to)
            except ValueError:
                continue  # not executed or not imported yet: nothing to prove
            if action == "forge":
                proof[3] = keccak256(proof[3])
            before = bridge.balance(to, ALICE)
            try:
                got = bridge.receive(to, sent, proof)
            except InteropRejected as exc:
                assert action == "forge" or exc.reason is RejectReason.ALREADY_CONSUMED
                assert bridge.balance(to, ALICE) == before  # no mint without a proven, fresh burn
            else:
                assert action != "forge"
                assert sent not in minted  # each message consumed at most once
                minted.append(sent)
                assert got == decode_transfer(sent.message.data)[3]
        assert bridge.total_supply() == 300  # across chains plus in flight
        for c in chains:  # every imported root is the layer's history
            layer = net.layer_of(c)
            for (layer_id, block), root in net.chains[c].interop_roots.items():
                assert layer_id == layer.chain_id and layer.message_root.historical_root(block) == root
