"""Interactive widgets and their static twins, one module per chapter.

Every widget module exposes, built on one pure model function:

* ``update(**controls)``: the numbers for one setting of the controls (no plotting);
* ``static_figure()``: a figure of the same sweep, for the HTML book;
* ``make_widget()``: the ipywidgets control panel, which calls ``update`` on every change.

Modules on the shared layer of ``zkedu.widgets.common`` declare ``CONTROLS``, ``update``, ``draw`` and
``describe``, and build the other two with ``build_panel`` and ``static_twin``.
Only this subpackage imports ipywidgets and matplotlib.
"""
