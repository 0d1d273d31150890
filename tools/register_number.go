package tools

import (
	"net/http"

	"github.com/voicedock/voicedock-mcp/client"
)

const registerNumberDoc = `Register a phone number the user already owns so that the platform answers ` +
	`it. The API does not sell numbers: the user first forwards it over SIP from their carrier or PBX. ` +
	`assistant_id (from list_assistants) answers inbound calls; without one they go to the account ` +
	`webhook. transfer_trunk_id comes from list_sip_trunks, workflow_id from list_workflows. Fails if the ` +
	`number is already registered. Free; the calls it answers are billed per minute.`

var registerNumber = operation{
	name: "register_number", title: "Register a phone number", toolset: NumbersSet,
	doc: registerNumberDoc, effect: Write,
	method: http.MethodPost, path: "/numbers",
	params: []param{
		phone("phone_number", "The user's number, e.g. +31850000000.").req(),
		str("name", "Display name, e.g. Main line."),
		str("assistant_id", "Assistant that answers inbound calls, from list_assistants.").as("agent_id"),
		str("transfer_trunk_id", "SIP trunk for transfers, from list_sip_trunks."),
		str("workflow_id", "Workflow that runs the calls instead of one assistant, from list_workflows."),
		boolean("is_active", "Whether the number takes calls (default true)."),
	},
	shape:  oneNumber,
	output: objectOutput("number", numberOut...),
	advice: map[error]string{
		client.ErrNotFound: "An ID given does not exist: list_assistants, list_sip_trunks and list_workflows " +
			"show the valid ones.",
		client.ErrConflict: "This number is registered already: list_numbers shows it, and update_number " +
			"changes its assistant.",
	},
}
