// zkedu: settings the ipywidgets HTML manager (vendor/html-manager/embed-amd.js) needs on this book's pages.
// Loaded just before require.js and the manager, on pages that hold saved widget state.
(function () {
  // The manager's fonts sit beside it in the book's static files, not on a CDN. It finds them from its
  // AMD module's URL, so tell require.js (which reads a global `require` object as its configuration
  // when it loads) where that module lives.
  var assets = new URL("vendor/html-manager/", document.currentScript.src).href;
  window.__jupyter_widgets_assets_path__ = assets;
  window.require = { paths: { "@jupyter-widgets/html-manager/dist": assets.replace(/\/$/, "") } };

  // The manager typesets labels with MathJax 2's API (MathJax.Hub.Queue); the book runs MathJax 3.
  function bridgeMathJax() {
    var mj = window.MathJax;
    if (!mj || mj.Hub || typeof mj.typesetPromise !== "function") return;
    mj.Hub = {
      Queue: function () {
        for (var i = 0; i < arguments.length; i++) {
          var job = arguments[i];
          if (Array.isArray(job) && job[0] === "Typeset" && job[2]) mj.typesetPromise([job[2]]);
        }
      },
    };
  }
  document.addEventListener("DOMContentLoaded", bridgeMathJax);
  window.addEventListener("load", bridgeMathJax);
})();
