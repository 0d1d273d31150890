package tools

import "net/http"

const registerNumberDoc = `Register a phone number the user already owns so that the platform answers ` +
	`it. The API does not sell or provision numbers: first forward the number over SIP from its carrier ` +
	`or PBX to the platform, then register it here. assistant_id (from list_assistants) is the assistant ` +
	`that answers inbound calls; without one, inbound calls go to the account webhook's ` +
	`assistant-request. transfer_trunk_id comes from list_sip_trunks, workflow_id from list_workflows. ` +
	`Fails if the number is already registered. Registering costs nothing; the calls it answers are ` +
	`billed per minute.`

var registerNumber = operation{
	name: "register_number", title: "Register a phone number", toolset: NumbersSet,
	doc: registerNumberDoc, effect: Write,
	method: http.MethodPost, path: "/numbers",
	params: []param{
		phone("phone_number", "The phone number to register, in E.164 form, as the user's carrier "+
			"forwards it, e.g. +31850000000.").req(),
		str("name", "Display name for the number, e.g. Main line."),
		str("assistant_id", "Assistant that answers inbound calls (a UUID), as list_assistants shows. "+
			"Leave out to register the number without one.").as("agent_id"),
		str("transfer_trunk_id", "SIP trunk used to transfer calls (a UUID), as list_sip_trunks shows."),
		str("workflow_id", "Workflow that runs the number's calls instead of a single assistant (a "+
			"UUID), as list_workflows shows."),
		boolean("is_active", "Whether the number takes calls; the API's default is true."),
	},
	shape:  oneNumber,
	output: objectOutput("number", numberOut...),
}
