package dev.bindery.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import dev.bindery.transport.ConfigurationException;
import dev.bindery.transport.Setting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The keys under {@code bindery} that some module reads. A key outside this set is most likely a
 * typo that would otherwise be ignored in silence, so it fails the start with the nearest match.
 */
final class KnownKeys
{
    private static final String ROOT = "bindery";

    private final Set<String> keys;

    private KnownKeys(Set<String> keys)
    {
        this.keys = Set.copyOf(keys);
    }

    /** The keys every {@code reference.conf} declares (null defaults included), and every setting's. */
    static KnownKeys of(Config reference, List<Setting> settings)
    {
        Set<String> keys = new TreeSet<>(leaves(reference).keySet());
        settings.forEach(setting -> keys.add(setting.key()));
        return new KnownKeys(keys);
    }

    Set<String> all()
    {
        return new TreeSet<>(keys);
    }

    /**
     * @param where how an error names the layer, such as the file's path
     * @throws ConfigurationException naming the first unknown key and the known key nearest to it
     */
    void check(Config layer, String where)
    {
        for (Map.Entry<String, ConfigValue> entry : leaves(layer).entrySet()) {
            String key = entry.getKey();
            if (!keys.contains(key)) {
                int line = entry.getValue().origin().lineNumber();
                String place = line > 0 ? where + " line " + line : where;
                throw new ConfigurationException(
                        "Unknown key " + key + " in " + place + ": " + suggestion(key));
            }
        }
    }

    private String suggestion(String unknown)
    {
        String nearest = keys.stream()
                .min(Comparator.comparingInt((String key) -> distance(unknown, key))
                        .thenComparing(Comparator.naturalOrder()))
                .orElseThrow();

        // A distant match is no help; listing what exists is
        if (distance(unknown, nearest) > Math.max(3, nearest.length() / 3)) {
            return "no such setting; known keys are " + String.join(", ", new TreeSet<>(keys));
        }
        return "did you mean " + nearest + "?";
    }

    /** Every value under {@code bindery} by its full key, objects opened down to their leaves. */
    private static Map<String, ConfigValue> leaves(Config config)
    {
        Map<String, ConfigValue> leaves = new TreeMap<>();
        if (config.root().containsKey(ROOT)) {
            collect(List.of(ROOT), config.root().get(ROOT), leaves);
        }
        return leaves;
    }

    private static void collect(List<String> path, ConfigValue value, Map<String, ConfigValue> leaves)
    {
        if (value instanceof ConfigObject object && !object.isEmpty()) {
            for (Map.Entry<String, ConfigValue> child : object.entrySet()) {
                List<String> childPath = new ArrayList<>(path);
                childPath.add(child.getKey());
                collect(childPath, child.getValue(), leaves);
            }
            return;
        }
        if (!(value instanceof ConfigObject)) {
            leaves.put(ConfigUtil.joinPath(path), value);
        }
    }

    /** Levenshtein distance: the fewest single-character edits between two keys. */
    static int distance(String a, String b)
    {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
