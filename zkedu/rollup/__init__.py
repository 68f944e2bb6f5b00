"""A ZKsync-style rollup, modelled: transactions, state tree, sequencer, pubdata, settlement on L1, fees.

Modules are imported on demand (``from zkedu.rollup.fees import fee_model_v2``) so that importing the
fee model never loads the KZG setup.
"""
