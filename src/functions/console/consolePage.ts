/**
 * The console's HTML shell: no data and no inline script or style (CSP); `app.js` builds
 * everything else from the API with DOM calls.
 */
export const consolePage = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Slotpilot console</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="/api/console/app.css">
    <script type="module" src="/api/console/app.js"></script>
  </head>
  <body>
    <header class="bar">
      <a class="brand" href="#/releases">Slotpilot</a>
      <nav id="nav"></nav>
      <span id="updated" class="updated"></span>
      <span id="who" class="who"></span>
    </header>
    <main id="main">
      <noscript>The Slotpilot console needs JavaScript. The HTTP API and "npx slotpilot" work without it.</noscript>
    </main>
  </body>
</html>
`;
