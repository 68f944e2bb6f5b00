"""A small Ethereum harness: compile Vyper with its own Python compiler and run the bytecode in py-evm.

``LocalChain`` is a one-account chain that runs the Prague rules from block 0 (py-evm has no default fork:
a plain genesis would run Frontier, which has neither the BN254 precompiles nor PUSH0). ``deploy`` sends a
contract-creation transaction, ``call`` a transaction to it; each returns what the EVM returned and the gas
the transaction used, split into the parts the book discusses (``GasBreakdown``).

Source: py-evm (ethereum/py-evm, eth/vm/forks/prague); Vyper (vyperlang/vyper, vyper.compile_code);
EIP-196/197/1108 (BN254 precompiles and their gas), EIP-2028/7623 (calldata gas).
"""

from __future__ import annotations

from zkedu.evm.build import compile_vyper, function_selector
from zkedu.evm.chain import CallResult, LocalChain
from zkedu.evm.meter import (
    ECADD_GAS,
    ECMUL_GAS,
    ECPAIRING_BASE_GAS,
    ECPAIRING_PER_PAIR_GAS,
    PRECOMPILE_NAMES,
    GasBreakdown,
    compute_calldata_floor_gas,
    compute_calldata_gas,
)
from zkedu.evm.precompiles import (
    ECADD_ADDRESS,
    ECMUL_ADDRESS,
    ECPAIRING_ADDRESS,
    compute_ecpairing,
    decode_g1,
    decode_g2,
    encode_ecadd_input,
    encode_ecmul_input,
    encode_ecpairing_input,
    encode_g1,
    encode_g2,
)

__all__ = [
    "ECADD_ADDRESS",
    "ECADD_GAS",
    "ECMUL_ADDRESS",
    "ECMUL_GAS",
    "ECPAIRING_ADDRESS",
    "ECPAIRING_BASE_GAS",
    "ECPAIRING_PER_PAIR_GAS",
    "PRECOMPILE_NAMES",
    "CallResult",
    "GasBreakdown",
    "LocalChain",
    "compile_vyper",
    "compute_calldata_floor_gas",
    "compute_calldata_gas",
    "compute_ecpairing",
    "decode_g1",
    "decode_g2",
    "encode_ecadd_input",
    "encode_ecmul_input",
    "encode_ecpairing_input",
    "encode_g1",
    "encode_g2",
    "function_selector",
]
