"""Interactive widgets and their static twins, one module per chapter.

Every widget module exposes three things, built on one pure model function:

* ``compute_*`` — the numbers (no plotting), used by both the widget and the figure;
* ``static_figure(...)`` — a matplotlib figure of the same sweep, for the HTML book;
* ``make_widget()`` — the ipywidgets control panel; its callback is ``update(**controls)``.

Only this subpackage imports ipywidgets and matplotlib.
"""
