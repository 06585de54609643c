-- How and when the warehouse was built (built_at, schema_version, rhinocc_dash, sources_folder).
SELECT name, value
FROM build_info
WHERE kind = 'build'
ORDER BY name
