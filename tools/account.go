package tools

// accountOperations are the account toolset: the organization, data
// retention, usage and the API's health (reference sections 8.1 to 8.3).
var accountOperations = []operation{
	getAccountInformation, checkAPIHealth, createOrganization, updateDataRetention, getUsage,
}
