// GraphiQL on the page's own origin, from the vendored React and GraphiQL (no CDN, no inline script).
(function () {
  "use strict";
  var root = document.getElementById("graphiql");
  var params = new URLSearchParams(window.location.search);
  var fetchURL = window.location.origin + window.location.pathname;
  var fetcher = GraphiQL.createFetcher({ url: fetchURL });
  function App() {
    var q = React.useState(params.get("query") || root.getAttribute("data-example") || "");
    return React.createElement(GraphiQL, {
      fetcher: fetcher,
      query: q[0],
      onEditQuery: q[1],
      defaultEditorToolsVisibility: true,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false
    });
  }
  ReactDOM.createRoot(root).render(React.createElement(App));
})();
