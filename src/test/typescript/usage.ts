// Compiled by TypeScriptClientTest against guard-api.d.ts, which openapi-typescript generates from
// the contract. Each @ts-expect-error line must fail to compile: if the generated types grew loose
// (a Demand of {type} & unknown, params of Record<string, never>), tsc reports the unused directive.
import type { components } from "./guard-api";

type Schemas = components["schemas"];
type Incident = Schemas["Incident"];
type Demand = Schemas["Demand"];
type Decision = Schemas["Decision"];
type Action = Schemas["Action"];

// The README's second example, written with types: only occurredAt, channel and department are
// required; every field with a default may be left out.
const visit: Schemas["VisitDemand"] = { type: "VISIT", immediate: true, place: "PUBLIC_PLACE" };
export const comeHereNow: Incident = {
  occurredAt: "2026-11-23T21:10:00+09:00", channel: "PHONE", department: "call-center", demands: [visit],
};

export const staff: Demand = { type: "SPECIFIC_STAFF", employeeId: "op-7" };
export const money: Demand = { type: "MONETARY_COMPENSATION", amountJpy: 50000 };

// @ts-expect-error an employeeId belongs to staff demands, not to a visit
export const visitWithEmployee: Demand = { type: "VISIT", employeeId: "op-7" };
// @ts-expect-error demand types are a closed set
export const refund: Demand = { type: "REFUND" };
// @ts-expect-error department is required
export const noDepartment: Incident = { occurredAt: "2026-11-23T21:10:00+09:00", channel: "PHONE" };

/** A demand's own fields, reached through its type. */
export function place(demand: Demand): string | undefined {
  return demand.type === "VISIT" ? demand.place : undefined;
}

/** The code narrows the action, and with it the params. */
export function minPeople(decision: Decision): number | undefined {
  for (const action of decision.actions) {
    if (action.code === "REQUIRE_TWO_PERSON_ATTENDANCE") {
      return action.params.minPeople;
    }
  }
  return undefined;
}

export function escalatedTo(action: Action): Schemas["Role"] | undefined {
  if (action.code === "ESCALATE") {
    return action.params.to;
  }
  // @ts-expect-error only an ESCALATE action carries params.to
  return action.params.to;
}

export function refusedDemand(action: Action): Schemas["DemandType"] | undefined {
  // @ts-expect-error params.minPeople is a number, never a demand type
  const wrong: Schemas["DemandType"] = action.code === "REQUIRE_TWO_PERSON_ATTENDANCE" ? action.params.minPeople : "VISIT";
  return action.code === "REFUSE_REQUEST" ? action.params.demand : wrong;
}
