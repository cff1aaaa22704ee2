// name: client_mutation_result
// title: Record the first result of an API mutation (its replay answer)
// description: Stores the payload the first request of a clientMutationId answered (JSON) on its ClientMutation, in
// description: the mutation's own transaction, so a replay returns exactly that first result, not the current state.
// params: clientMutationId (str), result (str)
// returns: stored
// example: :param clientMutationId => 'need-0001'
// example: :param result => '{}'
MATCH (m:ClientMutation {clientMutationId: $clientMutationId})
SET m.result = $result
RETURN count(m) AS stored
