"use strict";
// The bridge's entry point (bridge.cjs in the module folder): runs the bundled bridge
// (bridge.bundle.cjs) through a V8 code cache kept in the user's cache folder. Node.js
// otherwise compiles the 520 KB bundle, and then the SDK's code for the first request,
// on every start, and a cold first call waits for both. V8 checks the cache against the
// source and its own version and flags, and compiles afresh when it does not match; any
// problem with the cache folder just means no cache. PSCGIP_BRIDGE_CODE_CACHE=0 turns
// it off. Plain CommonJS without newer syntax: an old Node.js must still get as far as the
// bundle's version check.
var fs = require("fs");
var path = require("path");
var vm = require("vm");
var Module = require("module");
var crypto = require("crypto");
var os = require("os");

var bundle = path.join(__dirname, "bridge.bundle.cjs");
var source = fs.readFileSync(bundle, "utf8");
var cacheFile = codeCacheFile(source);
var cachedData;
if (cacheFile) {
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch (e) {
    cachedData = undefined;
  }
}

var script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData: cachedData });
var writeCache = cacheFile && (!cachedData || script.cachedDataRejected);
// V8 has taken what it needs from the cache; the file's buffer need not live on.
cachedData = undefined;
if (writeCache) {
  // Written once the first reply is out, so that it also holds the code that request
  // compiled, and off that reply's path.
  process.once("bridge:first-reply", function () {
    setImmediate(writeCodeCache);
  });
}
var bridgeModule = new Module(bundle, module);
bridgeModule.filename = bundle;
bridgeModule.paths = Module._nodeModulePaths(__dirname);
script.runInThisContext().call(bridgeModule.exports, bridgeModule.exports, function (id) {
  return bridgeModule.require(id);
}, bridgeModule, bundle, __dirname);

function codeCacheFile(text) {
  if (process.env.PSCGIP_BRIDGE_CODE_CACHE === "0") return null;
  var base;
  try {
    if (process.platform === "win32") base = process.env.LOCALAPPDATA || path.join(os.homedir(), "AppData", "Local");
    else if (process.platform === "darwin") base = path.join(os.homedir(), "Library", "Caches");
    else base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  } catch (e) {
    return null;
  }
  // One file per bundle, Node.js version and architecture: module versions side by side
  // keep their own caches.
  var key = crypto.createHash("sha256").update(text).update(process.version).update(process.arch).digest("hex").slice(0, 16);
  return path.join(base, path.basename(__dirname), "bridge-" + key + ".v8cache");
}

function writeCodeCache() {
  try {
    var data = script.createCachedData();
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true, mode: 448 }); // 0700
    // Written aside and renamed: bridges of other sessions may read it meanwhile.
    var temporary = cacheFile + "." + process.pid + ".tmp";
    try {
      fs.writeFileSync(temporary, data, { mode: 384 }); // 0600
      fs.renameSync(temporary, cacheFile);
    } catch (e) {
      fs.rmSync(temporary, { force: true });
      throw e;
    }
  } catch (e) {
    // No cache this time: the next start compiles afresh, as now.
  }
}
