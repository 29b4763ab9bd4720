// Starts `dealcraft lsp` for .ron case files. Everything the editor shows (diagnostics,
// definitions, references, rename, completion, hover, outline) comes from the server.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("dealcraft");
  const command = config.get("path") || "dealcraft";
  const lang = config.get("lang") === "zh" ? "zh" : "en";
  const server = { command, args: ["lsp", "--lang", lang], transport: TransportKind.stdio };
  client = new LanguageClient(
    "dealcraft",
    "Dealcraft cases",
    { run: server, debug: server },
    { documentSelector: [{ scheme: "file", language: "dealcraft-ron" }] }
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
