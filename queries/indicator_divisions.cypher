// name: indicator_divisions
// title: The divisions a monthly indicator snapshot asks about (cities, districts, streets)
// description: Each answers for itself and the divisions directly below it, so together they cover every level.
// params:
// returns: code
MATCH (d:Division) WHERE d.level IN ['city', 'district', 'street']
RETURN d.code AS code ORDER BY code
