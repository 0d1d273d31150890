package tools

import (
	"fmt"
	"net/http"
	"slices"
)

const createCampaignDoc = `Create an outbound call campaign (beta) in status draft: one assistant ` +
	`calls each lead within a daily time window. A draft dials no one and costs nothing; calls start ` +
	`only when update_campaign sets status scheduled. assistant_id comes from list_assistants; the ` +
	`assistant must be active and the organization needs a number with a SIP trunk for outbound ` +
	`dialing. Leads can be given here or added later with add_campaign_lead. Returns the new ` +
	`campaign with its ID.`

var createCampaign = operation{
	name: "create_campaign", title: "Create a campaign", toolset: CampaignsSet,
	doc: createCampaignDoc, effect: Write,
	method: http.MethodPost, path: "/campaigns",
	params: slices.Concat([]param{
		str("name", "Campaign name, e.g. \"Appointment reminders February\".").req(),
		str("assistant_id", "ID of the assistant that makes the calls (a UUID), as list_assistants "+
			"shows.").as("agent_id").req(),
	}, campaignFields(true), []param{
		array("leads", "People to call, each with a phone number and the values for the template's "+
			"placeholders. More can be added later with add_campaign_lead.",
			object("lead", "One person to call.",
				phone("phone_number", "Number to call, in E.164 form.").req(),
				leadVariables)),
	}),
	check:    checkCampaignLeads,
	policy:   newCampaignPolicy,
	shape:    oneCampaign,
	output:   objectOutput("campaign", campaignOut...),
	listedBy: "list_assistants",
}

// checkCampaignLeads checks the variables of every lead given.
func checkCampaignLeads(args map[string]any) error {
	leads, _ := args["leads"].([]any)
	for i, l := range leads {
		if m, ok := l.(map[string]any); ok {
			if err := checkLeadVariables(fmt.Sprintf("leads[%d].", i), m); err != nil {
				return err
			}
		}
	}
	return nil
}
