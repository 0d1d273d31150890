package tools

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/voicedock/voicedock-mcp/client/catalog"
)

const updateDataRetentionDoc = `Set how long the organization keeps call data. content_retention_days ` +
	`covers transcripts, summaries, analysis results and recordings (30, 90, 180 or 365); ` +
	`metadata_retention_days covers caller numbers, campaign links and call events (30, 90, 180, 365 or ` +
	`730). Content may not be kept longer than metadata. Shortening a period deletes older data for good.`

var updateDataRetention = operation{
	name: "update_data_retention", title: "Update data retention", toolset: AccountSet,
	doc: updateDataRetentionDoc, effect: Destructive, idempotent: true,
	method: http.MethodPatch, path: "/organizations",
	params: []param{
		integer("content_retention_days", "Days to keep transcripts, summaries, analysis and recordings: "+
			"30, 90, 180 or 365.").req(),
		integer("metadata_retention_days", "Days to keep caller numbers and call events: 30, 90, 180, 365 "+
			"or 730.").req(),
	},
	check:  checkRetention,
	output: actionOutput(field{"content_retention_days", "integer"}, field{"metadata_retention_days", "integer"}),
}

func checkRetention(args map[string]any) error {
	content, metadata := int(argInt(args, "content_retention_days", 0)), int(argInt(args, "metadata_retention_days", 0))
	var problems []string
	if !slices.Contains(catalog.ContentRetentionDays, content) {
		problems = append(problems, fmt.Sprintf("content_retention_days: %d is not one of %s", content,
			joinInts(catalog.ContentRetentionDays)))
	}
	if !slices.Contains(catalog.MetadataRetentionDays, metadata) {
		problems = append(problems, fmt.Sprintf("metadata_retention_days: %d is not one of %s", metadata,
			joinInts(catalog.MetadataRetentionDays)))
	}
	if content > metadata {
		problems = append(problems, fmt.Sprintf("content_retention_days (%d) may not exceed "+
			"metadata_retention_days (%d)", content, metadata))
	}
	if len(problems) > 0 {
		return fmt.Errorf("invalid arguments: %s", strings.Join(problems, "; "))
	}
	return nil
}

// joinInts lists numbers as "30, 90, 180 or 365".
func joinInts(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}
