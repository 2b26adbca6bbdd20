// dist/src/functions/slack/readInteraction.js
import { z } from "zod";
var buttonValue = z.object({
  releaseId: z.string().min(1).max(200),
  stage: z.string().min(1).max(100),
  action: z.enum(["approve", "reject"])
});
var payload = z.object({
  type: z.literal("block_actions"),
  user: z.object({ id: z.string().min(1), username: z.string().optional() }),
  response_url: z.url().optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1)
});
function readInteraction(rawBody) {
  const text = new URLSearchParams(rawBody).get("payload");
  if (text === null)
    return void 0;
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    return void 0;
  }
  const parsed = payload.safeParse(json);
  if (!parsed.success)
    return void 0;
  const action = parsed.data.actions[0];
  if (action === void 0 || !action.action_id.startsWith("slotpilot-decide-"))
    return void 0;
  let value;
  try {
    value = JSON.parse(action.value ?? "");
  } catch {
    return void 0;
  }
  const button = buttonValue.safeParse(value);
  if (!button.success)
    return void 0;
  return {
    slackUserId: parsed.data.user.id,
    ...parsed.data.user.username === void 0 ? {} : { slackUserName: parsed.data.user.username },
    ...button.data,
    ...parsed.data.response_url === void 0 ? {} : { responseUrl: parsed.data.response_url }
  };
}
export {
  readInteraction
};
