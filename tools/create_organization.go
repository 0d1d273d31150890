package tools

import (
	"context"
	"net/http"

	"github.com/voicedock/voicedock-mcp/client"
)

const createOrganizationDoc = `Create an organization. With parent_org_id (your own organization's ID, ` +
	`from get_account_information) it becomes a whitelabel child whose calls are billed to yours. ` +
	`The answer holds the new organization's API key, shown only this once: tell the user to store it ` +
	`safely, and do not repeat it elsewhere.`

var createOrganization = operation{
	name: "create_organization", title: "Create an organization", toolset: AccountSet,
	doc: createOrganizationDoc, effect: RealWorld,
	method: http.MethodPost, path: "/organizations",
	params: []param{
		str("name", "Name of the new organization, e.g. the client's business name.").req(),
		str("parent_org_id", "ID of the parent organization (yours, from get_account_information) to "+
			"create a whitelabel child billed to it."),
	},
	ask: func(context.Context, *client.Client, *guard, map[string]any) (*question, error) {
		return &question{action: "Create an organization with an API key of its own",
			warning: "A child organization's calls are billed to yours, and its new API key will appear in " +
				"this conversation, outside every confirmation and limit of this server."}, nil
	},
	output: actionOutput(field{"id", "string"}, field{"name", "string"}, field{"parent_org_id", "string"},
		field{"api_key", "string"}, field{"created_at", "string"}),
}
