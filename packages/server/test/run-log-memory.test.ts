import { MemoryRunLog } from "@threadkit/server";
import { describeRunLogConformance } from "@threadkit/server/testing";

describeRunLogConformance("MemoryRunLog", (retention) => new MemoryRunLog(retention));
