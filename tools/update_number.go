package tools

import (
	"errors"
	"github.com/voicedock/voicedock-mcp/client"
	"net/http"
)

const updateNumberDoc = `Reassign a registered phone number: the assistant that answers it, its ` +
	`transfer SIP trunk, its workflow, or whether it is active. Only the fields given change; null (or "") ` +
	`detaches an assistant, trunk or workflow. Without an assistant, inbound calls go to the account ` +
	`webhook; a workflow must be detached before delete_workflow. number_id comes from list_numbers, ` +
	`assistant_id from list_assistants, transfer_trunk_id from list_sip_trunks, workflow_id from ` +
	`list_workflows.`

var updateNumber = operation{
	name: "update_number", title: "Update a phone number", toolset: NumbersSet,
	doc: updateNumberDoc, effect: Destructive, idempotent: true,
	method: http.MethodPatch, path: "/numbers/{id}",
	params: []param{
		numberID,
		str("assistant_id", "Assistant that answers inbound calls, from list_assistants; null "+
			"detaches.").as("agent_id").orNull(),
		str("transfer_trunk_id", "SIP trunk for transfers, from list_sip_trunks; null detaches.").orNull(),
		str("workflow_id", "Workflow that runs the calls, from list_workflows; null detaches.").orNull(),
		boolean("is_active", "Whether the number takes calls."),
	},
	check:    numberUpdateChanges,
	effectOf: numberUpdateEffect,
	shape:    oneNumber,
	output:   objectOutput("number", numberOut...),
	listedBy: "list_numbers",
	advice: map[error]string{
		client.ErrNotFound: "The number or an ID given does not exist: list_numbers, list_assistants, " +
			"list_sip_trunks and list_workflows show the valid ones.",
	},
}

// numberUpdateChanges refuses an update that would change nothing.
func numberUpdateChanges(args map[string]any) error {
	for _, k := range []string{"assistant_id", "transfer_trunk_id", "workflow_id", "is_active"} {
		if _, ok := args[k]; ok {
			return nil
		}
	}
	return errors.New("nothing to change: give at least one of assistant_id, transfer_trunk_id, " +
		"workflow_id or is_active")
}

// numberUpdateEffect: detaching the number's assistant, trunk or workflow
// (null) stops it answering as before, which is destructive; anything
// else is a write.
func numberUpdateEffect(args map[string]any) Effect {
	for _, k := range []string{"assistant_id", "transfer_trunk_id", "workflow_id"} {
		if v, ok := args[k]; ok && v == nil {
			return Destructive
		}
	}
	return Write
}
