import { renderUnicodeCompact } from "uqr";
import { server } from "./app.ts";
import { HELPER_THREADS_NICE, HOST, PORT, PUBLIC_ADDRESS, REDIS_URL } from "./config.ts";
import { lanUrls } from "./http/api.ts";
import { keepHelperThreadsLow } from "./threads.ts";

await server.listen(PORT, HOST);
keepHelperThreadsLow(HELPER_THREADS_NICE);
const urls = lanUrls(PORT);
console.log("\nBangun Desa siap! / Bangun Desa is ready!\n");
console.log(`  Di komputer ini / On this computer:  http://localhost:${PORT}/`);
for (const url of urls) console.log(`  Di jaringan (Wi-Fi) / On the network: ${url}`);
console.log(`  Halaman guru / Teacher page:          http://localhost:${PORT}/guru`);
if (REDIS_URL) console.log(`  Redis scale-out, this process's public address: ${PUBLIC_ADDRESS}`);
if (urls[0]) {
  console.log("\nPindai untuk bergabung / Scan to join:\n");
  console.log(renderUnicodeCompact(urls[0]));
}
