// name: grid_sample
// title: A spread of grid codes (for benchmarks and smoke tests)
// description: Every step-th grid of a scheme in uid order (grid_uid constraint index, ordered scan of the key
// description: index), at most size of them.
// params: scheme (str), step (int), size (int)
// returns: codes
// example: :param scheme => 'LOCAL'
// example: :param step => 10
// example: :param size => 50
MATCH (g:Grid)
WHERE g.uid STARTS WITH $scheme + ':'
WITH g.code AS code
ORDER BY code
WITH collect(code) AS every
RETURN [i IN range(0, size(every) - 1, $step) | every[i]][0..$size] AS codes
