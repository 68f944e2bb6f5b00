"""Proof-based interop verification against Matter Labs' own vectors (era-contracts
test/foundry/l1/unit/concrete/Bridgehub/L2MessageVerification.t.sol), and every rejection path."""

from __future__ import annotations

import pytest

from zkedu.interop import InteropRejected, L2Message, RejectReason, check_message_inclusion, verify_leaf_inclusion
from zkedu.interop.proof import encode_metadata, encode_proof_node, hash_log
from zkedu.rollup.commitment import EMPTY_LOG_LEAF
from zkedu.rollup.records import L2ToL1Log

h = bytes.fromhex

LOG = L2ToL1Log(0, True, 0, h("0000000000000000000000000000000000008008"), (0x10008).to_bytes(32, "big"),
                h("182bf04331468886c27903ea0bdc761fde4a166e29814a178da2d3f56d205982"))
SINGLE = [h(w) for w in (
    "0103000100000000000000000000000000000000000000000000000000000000",
    "32b59b40b87cf8e6ed0cbe1b5ff159ae24e29e9b924068f10a8719ebd5d9f6de",
    "74ba85451a61e8c7007a0f940e1ae069b3769932fca68148f2842d5c7edd253e",
    "e4ed1ec13a28c40715db6399f6f99ce04e5f19d60ad3ff6831f098cb6cf75944",
)]
SINGLE_ROOT = {(271, 66): h("46ab0a3240394cd4339c065011ad354c67d269d3c6e0f8ad7eb2eb4b8a3ffb49")}
LOG_PATH = [h(w) for w in (
    "72abee45b59e344af8a6e520241c4744aff26ed411f4c4b00f8af09adada43ba",
    "c3d03eebfd83049991ea3d3e358b6712e7aa2e2e63dc2d4b438987cec28ac8d0",
    "e3697c7f33c31a9b0f0aeb8542287d0d21e8c4cf82163d0c44c7a98aa11aa111",
    "199cc5812543ddceeddd0fc82807646a4899444240db2c0d2f20c3cceb5f51fa",
    "e4733f281f18ba3ea8775dd62d2fcd84011c8c938f16ea5790fd29a03bf8db89",
    "1798a1fd9c8fbb818c98cff190daa7cc10b6e5ac9716b4a2649f7c2ebcef2272",
    "66d7c5983afe44cf15ea8cf565b34c6c31ff0cb4dd744524f7842b942d08770d",
    "b04e5ee349086985f74b73971ce9dfe76bbed95c84906c5dffd96504e1e5396c",
    "ac506ecb5465659b3a927143f6d724f91d8d9c4bdb2463aee111d9aa869874db",
    "124b05ec272cecd7538fdafe53b6628d31188ffb6f345139aac3c3c1fd2e470f",
    "c3be9cbd19304d84cca3d045e06b8db3acd68c304fc9cd4cbffe6d18036cb13f",
    "fef7bd9f889811e59e4076a0174087135f080177302763019adaf531257e3a87",
    "a707d1c62d8be699d34cb74804fdd7b4c568b6c1a821066f126c680d4b83e00b",
    "f6e093070e0389d2e529d60fadb855fdded54976ec50ac709e3a36ceaa64c291",
    "e4ed1ec13a28c40715db6399f6f99ce04e5f19d60ad3ff6831f098cb6cf75944",
)]
BATCH_PATH = [h(w) for w in (
    "46700b4d40ac5c35af2c22dda2787a91eb567b06c924a8fb8ae9a05b20c08c21",
    "cc4c41edb0c2031348b292b768e9bac1ee8c92c09ef8a3277c2ece409c12d86a",
    "665220c0a39a5c4886626c93dfe3f253324bd0fd48bf037156b977d2da1c2a80",
    "4cd95f8962e2e3b5f525a0f4fdfbbf0667990c7159528a008057f3592bcb2c06",
    "73374357c2721f1e18426e45490035daf9a01b4fd064b9fc6bf85acf888bbc42",
    "9b63d72e0483741f19d143751f22f965461f0a98897b8ffffedd086935f6bc26",
)]
DOUBLE = (
    [h("010f060000000000000000000000000000000000000000000000000000000000"), *LOG_PATH, (0x34).to_bytes(32, "big"),
     *BATCH_PATH, h("000000000000000000000000000000f300000000000000000000000000000001"), (0x1FA).to_bytes(32, "big"),
     h("0101000100000000000000000000000000000000000000000000000000000000"),
     h("f84927dc03d95cc652990ba75874891ccc5a4d79a0e10a2ffdd238a34a39f828")]
)
DOUBLE_ROOT = {(0x1FA, 0xF3): h("9df9ccdcc86232686d57ea501eadb14888fd7c9fe1fd72a74c91208f11e864d5")}


def test_single_node_vector_is_accepted() -> None:
    assert check_message_inclusion(SINGLE_ROOT, 271, 66, 1, LOG, SINGLE) == SINGLE_ROOT[(271, 66)]


def test_two_node_vector_through_the_settlement_layer_is_accepted() -> None:
    assert len(DOUBLE) == 27
    assert check_message_inclusion(DOUBLE_ROOT, 271, 66, 1, LOG, DOUBLE) == DOUBLE_ROOT[(0x1FA, 0xF3)]


def test_message_vector_from_the_integration_tests_is_accepted() -> None:
    data = h(
        "9c884fd1000000000000000000000000000000000000000000000000000000000000010f8e58414f1aa746a046df579572bd20b7"
        "a2caf396302d57c93c6e49dfdadc47f90000000000000000000000002e713618476e60a4ad8308a946c69de987242c8200000000"
        "00000000000000002e713618476e60a4ad8308a946c69de987242c8200000000000000000000000058d9e3d9303750dc90bb2931"
        "ac1abbb99d203bc50000000000000000000000000000000000000000000000000000000000000001000000000000000000000000"
        "00000000000000000000000000000000000000a000000000000000000000000000000000000000000000000000000000000001c1"
        "01000000000000000000000000000000000000000000000000000000000000000900000000000000000000000000000000000000"
        "00000000000000000000000080000000000000000000000000000000000000000000000000000000000000010000000000000000"
        "00000000000000000000000000000000000000000000000180000000000000000000000000000000000000000000000000000000"
        "00000000600000000000000000000000000000000000000000000000000000000000000020000000000000000000000000000000"
        "00000000000000000000000000000000045742544300000000000000000000000000000000000000000000000000000000000000"
        "00000000000000000000000000000000000000000000000000000000600000000000000000000000000000000000000000000000"
        "00000000000000002000000000000000000000000000000000000000000000000000000000000000045742544300000000000000"
        "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "20000000000000000000000000000000000000000000000000000000000000000800000000000000000000000000000000000000"
        "000000000000000000000000"
    )
    proof = [h("010f040000000000000000000000000000000000000000000000000000000000"), LOG_PATH[0],
             h("dd7bb18218689779cba04bc66a2ad1642e6089594b1357f09e7242990cab136e"), *LOG_PATH[2:],
             (0x0D).to_bytes(32, "big"),
             h("9f1e2c2b6905cf8b500791372e28c263d27c424a98d0ebf7d6ebc7447e2c3290"),
             h("865aaa19e2efebb6065ca211221bcd7837a35d4a33b26706f8176241587488fa"),
             h("c1d1deee8a8e4545df206889aa82d6a9861c9f3ef1b97d455d8cdd8972f12095"),
             h("41fb5464a0875289c9b573d713cb4306f87d006347ba3f7ee628dc279519a07a"),
             h("0000000000000000000000000000005700000000000000000000000000000001"), (0x1FA).to_bytes(32, "big"),
             h("0102000100000000000000000000000000000000000000000000000000000000"),
             h("f84927dc03d95cc652990ba75874891ccc5a4d79a0e10a2ffdd238a34a39f828"),
             h("666f22468f106684d5ba1fb17ff37ea4b72a05341328aa2f06a4e6361e1759bc")]
    assert len(proof) == 26
    message = L2Message(14, (0x10003).to_bytes(20, "big"), data)
    roots = {(0x1FA, 0x57): h("99fdc93ca122f259319be992fcd55b51c2bb5a100efb780ce2677b779ee7fec3")}
    assert check_message_inclusion(roots, 271, 14, 2, message, proof) == roots[(0x1FA, 0x57)]


@pytest.mark.parametrize("word", range(1, 27))
def test_flipping_any_hash_of_the_double_proof_is_rejected(word: int) -> None:
    forged = list(DOUBLE)
    forged[word] = bytes([forged[word][0] ^ 1]) + forged[word][1:]
    with pytest.raises(InteropRejected) as info:
        check_message_inclusion(DOUBLE_ROOT, 271, 66, 1, LOG, forged)
    assert info.value.reason in (RejectReason.ROOT_MISMATCH, RejectReason.ROOT_NOT_IMPORTED,
                                 RejectReason.MALFORMED_PROOF)


def test_a_different_message_or_index_or_batch_is_rejected_as_mismatch() -> None:
    other = L2ToL1Log(0, True, 0, LOG.sender, LOG.key, bytes(32))
    for args in ((271, 66, 1, other), (271, 66, 0, LOG), (271, 67, 1, LOG), (270, 66, 1, LOG)):
        with pytest.raises(InteropRejected) as info:
            check_message_inclusion(DOUBLE_ROOT, *args, DOUBLE)
        assert info.value.reason is RejectReason.ROOT_MISMATCH


def test_a_root_never_imported_is_rejected_with_its_reason() -> None:
    with pytest.raises(InteropRejected, match="no interop root") as info:
        check_message_inclusion({}, 271, 66, 1, LOG, DOUBLE)
    assert info.value.reason is RejectReason.ROOT_NOT_IMPORTED
    with pytest.raises(InteropRejected):
        check_message_inclusion({(0x1FA, 0xF3): bytes(32)}, 271, 66, 1, LOG, DOUBLE)


def test_malformed_proofs_and_the_default_leaf_are_rejected() -> None:
    cases = [
        [],
        [h("02" + "0f06" + "00" * 29), *DOUBLE[1:]],  # metadata version 2
        DOUBLE[:-1],  # truncated
        [*DOUBLE, bytes(32)],  # trailing words
        [encode_metadata(20, 0, True), *[bytes(32)] * 20],  # index 1 fits, but root mismatch path of zeros
    ]
    for proof in cases[:4]:
        with pytest.raises(InteropRejected) as info:
            check_message_inclusion(DOUBLE_ROOT, 271, 66, 1, LOG, proof)
        assert info.value.reason is RejectReason.MALFORMED_PROOF
    assert not verify_leaf_inclusion(DOUBLE_ROOT, 271, 66, 1, hash_log(LOG), cases[4])
    with pytest.raises(InteropRejected) as info:
        verify_leaf_inclusion(SINGLE_ROOT, 271, 66, 1, EMPTY_LOG_LEAF, SINGLE) or check_message_inclusion(
            SINGLE_ROOT, 271, 66, 1, L2ToL1Log(0, False, 0, bytes(20), bytes(32), bytes(32)), SINGLE)
    assert info.value.reason is RejectReason.DEFAULT_LEAF
    with pytest.raises(InteropRejected, match="does not fit"):
        check_message_inclusion(SINGLE_ROOT, 271, 66, 8, LOG, SINGLE)  # index 8 in a depth-3 path


def test_encoding_a_node_reproduces_the_vector_words() -> None:
    node = encode_proof_node(LOG_PATH, batch_leaf_mask=0x34, batch_leaf_path=BATCH_PATH, settlement_block_number=0xF3,
                             chain_id_leaf_mask=1, settlement_chain_id=0x1FA)
    final = encode_proof_node(DOUBLE[-1:])
    assert node + final == DOUBLE
    with pytest.raises(ValueError, match="one byte"):
        encode_metadata(256, 0, True)
    with pytest.raises(ValueError, match="final"):
        encode_metadata(1, 1, True)
