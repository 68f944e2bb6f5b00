"""Compile Vyper source to EVM bytecode with Vyper's own Python API (no solc, no downloaded binary).

Source: vyperlang/vyper, ``vyper.compile_code`` (the compiler is the pure-Python package pinned in
requirements.txt); function selectors as in the Solidity ABI specification (first 4 bytes of keccak).
"""

from __future__ import annotations

from functools import lru_cache

from zkedu.hashing import keccak256

EVM_VERSION = "prague"  # the rules LocalChain runs


@lru_cache(maxsize=16)
def compile_vyper(source: str) -> bytes:
    """Compile Vyper ``source`` for the Prague EVM; return the deployment (init) bytecode.

    Source: vyper.compile_code, output format "bytecode" (init code that returns the runtime code).

    >>> code = compile_vyper("@external\\ndef f() -> uint256:\\n    return 7\\n")
    >>> code[:1] == bytes([0x61])  # PUSH2: the init code starts by pushing the runtime size
    True
    """
    if not isinstance(source, str):
        raise TypeError(f"Vyper source must be str, got {type(source).__name__}")
    import vyper  # imported here: compiling is a build step, not needed to read the package
    from vyper.compiler.settings import Settings

    out = vyper.compile_code(source, output_formats=["bytecode"], settings=Settings(evm_version=EVM_VERSION))
    return bytes.fromhex(out["bytecode"].removeprefix("0x"))


def function_selector(signature: str) -> bytes:
    """The 4-byte ABI selector of ``signature``, e.g. ``"verifyProof(uint256[24],uint256[8])"``.

    Source: Solidity ABI specification, "Function Selector".

    >>> function_selector("transfer(address,uint256)").hex()
    'a9059cbb'
    """
    if not isinstance(signature, str) or "(" not in signature or not signature.endswith(")"):
        raise ValueError(f"not a function signature: {signature!r}")
    return keccak256(signature.encode())[:4]
