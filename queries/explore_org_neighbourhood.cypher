// name: explore_org_neighbourhood
// title: An organization's neighbourhood
// description: Everything one hop from an organization (its grid and division, the resources it provides, its party organization, agreements, alliances, projects, probable duplicates), as rows and as paths to draw. Party members are left out: they are personal data.
// params: uid (str)
// returns: relationship, direction, neighbourLabel, neighbourKey, neighbourName, path
// example: :param uid => '12510100499043500C'
MATCH path = (o:Organization {uid: $uid})-[r]-(x)
WHERE NOT x:PartyMember
RETURN type(r) AS relationship,
       CASE WHEN startNode(r) = o THEN 'out' ELSE 'in' END AS direction,
       [l IN labels(x) WHERE l <> 'Organization'][0] AS neighbourLabel,
       coalesce(x.uid, x.code) AS neighbourKey,
       coalesce(x.name, x.title) AS neighbourName,
       path
ORDER BY relationship, direction, neighbourKey
