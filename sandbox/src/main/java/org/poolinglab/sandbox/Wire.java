package org.poolinglab.sandbox;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How an answer's arguments and results cross the pipe between the grader and the answer's process:
 * as plain data, written and read by their declared type, never as objects. The types an answer can
 * take or give are {@code int}, {@code long}, {@code double}, {@code boolean} (and their boxes),
 * {@code String}, enums, arrays, {@code List}, {@code Set} and records of these.
 *
 * <p>Both sides write the same way; the grader reads what the answer's process sends with a
 * {@link Budget}, so no reply can make it allocate more than the budget allows, and a reply that is cut
 * short or does not fit its type is a {@link WireException}, never a value. A set is read into a new
 * {@code LinkedHashSet}, element by element, so a set whose {@code size()} lies gives what it holds.
 */
public final class Wire {

    private static final int NULL = 0;
    private static final int PRESENT = 1;
    private static final int MORE = 1;
    private static final int END = 0;

    private Wire() {
    }

    /** A reply that cannot be read as the type it should have. */
    public static final class WireException extends IOException {
        private static final long serialVersionUID = 1L;

        public WireException(String message) {
            super(message);
        }
    }

    /** How much reading may still allocate: values (numbers, characters, elements) and nesting depth. */
    public static final class Budget {
        private long values;
        private final int depth;

        public Budget(long values, int depth) {
            this.values = values;
            this.depth = depth;
        }

        void spend(long count) throws WireException {
            if (count < 0 || count > values) {
                throw new WireException("more values than a reply may hold (" + count + " asked, " + values + " left)");
            }
            values -= count;
        }
    }

    /** Writes {@code value} as a {@code type}. */
    public static void write(DataOutput out, Type type, Object value) throws IOException {
        Class<?> raw = raw(type);
        if (raw.isPrimitive()) {
            writePrimitive(out, raw, value);
            return;
        }
        if (value == null) {
            out.writeByte(NULL);
            return;
        }
        out.writeByte(PRESENT);
        if (isBox(raw)) {
            writePrimitive(out, unboxed(raw), value);
        } else if (raw == String.class) {
            byte[] bytes = ((String) value).getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        } else if (raw.isEnum()) {
            write(out, String.class, ((Enum<?>) value).name());
        } else if (raw.isArray()) {
            Type component = type instanceof GenericArrayType generic ? generic.getGenericComponentType() : raw.getComponentType();
            int length = Array.getLength(value);
            out.writeInt(length);
            for (int i = 0; i < length; i++) {
                write(out, component, Array.get(value, i));
            }
        } else if (raw == List.class || raw == Set.class) {
            // Element by element, each after a MORE mark: a collection is read for what it holds, whatever size() says.
            Type element = elementType(type);
            for (Object item : (Collection<?>) value) {
                out.writeByte(MORE);
                write(out, element, item);
            }
            out.writeByte(END);
        } else if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                write(out, component.getGenericType(), accessor(component, value));
            }
        } else {
            throw new IllegalArgumentException("the wire does not carry " + type.getTypeName());
        }
    }

    /** Reads a {@code type} written by {@link #write}, spending {@code budget}. */
    public static Object read(DataInput in, Type type, Budget budget) throws IOException {
        return read(in, type, budget, 0);
    }

    @SuppressWarnings("unchecked")
    private static Object read(DataInput in, Type type, Budget budget, int depth) throws IOException {
        if (depth > budget.depth) {
            throw new WireException("values nested deeper than " + budget.depth);
        }
        Class<?> raw = raw(type);
        if (raw.isPrimitive()) {
            budget.spend(1);
            return readPrimitive(in, raw);
        }
        int presence = in.readByte();
        if (presence == NULL) {
            return null;
        }
        if (presence != PRESENT) {
            throw new WireException("a " + type.getTypeName() + " should start with 0 or 1, not " + presence);
        }
        if (isBox(raw)) {
            budget.spend(1);
            return readPrimitive(in, unboxed(raw));
        }
        if (raw == String.class) {
            int length = in.readInt();
            budget.spend(length);
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (raw.isEnum()) {
            String name = (String) read(in, String.class, budget, depth + 1);
            for (Object constant : raw.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(name)) {
                    return constant;
                }
            }
            throw new WireException(raw.getSimpleName() + " has no constant " + name);
        }
        if (raw.isArray()) {
            Type component = type instanceof GenericArrayType generic ? generic.getGenericComponentType() : raw.getComponentType();
            int length = in.readInt();
            budget.spend(length);
            Object array = Array.newInstance(raw.getComponentType(), length);
            for (int i = 0; i < length; i++) {
                Array.set(array, i, read(in, component, budget, depth + 1));
            }
            return array;
        }
        if (raw == List.class || raw == Set.class) {
            Collection<Object> items = raw == List.class ? new ArrayList<>() : new LinkedHashSet<>();
            Type element = elementType(type);
            for (int mark = in.readByte(); mark != END; mark = in.readByte()) {
                if (mark != MORE) {
                    throw new WireException("a " + type.getTypeName() + " element should follow a 1, not " + mark);
                }
                budget.spend(1);
                items.add(read(in, element, budget, depth + 1));
            }
            return raw == List.class ? Collections.unmodifiableList((List<Object>) items) : Collections.unmodifiableSet((Set<Object>) items);
        }
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = read(in, components[i].getGenericType(), budget, depth + 1);
                types[i] = components[i].getType();
            }
            return construct(raw, types, values);
        }
        throw new IllegalArgumentException("the wire does not carry " + type.getTypeName());
    }

    private static Object construct(Class<?> record, Class<?>[] types, Object[] values) throws WireException {
        try {
            Constructor<?> canonical = record.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new WireException(record.getSimpleName() + " refused its values: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(record + " cannot be made from its components", e);
        }
    }

    private static Object accessor(RecordComponent component, Object record) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component + " of a " + record.getClass(), e);
        }
    }

    private static void writePrimitive(DataOutput out, Class<?> type, Object value) throws IOException {
        if (type == int.class) {
            out.writeInt((Integer) value);
        } else if (type == long.class) {
            out.writeLong((Long) value);
        } else if (type == double.class) {
            out.writeDouble((Double) value);
        } else if (type == boolean.class) {
            out.writeBoolean((Boolean) value);
        } else {
            throw new IllegalArgumentException("the wire does not carry " + type);
        }
    }

    private static Object readPrimitive(DataInput in, Class<?> type) throws IOException {
        if (type == int.class) {
            return in.readInt();
        } else if (type == long.class) {
            return in.readLong();
        } else if (type == double.class) {
            return in.readDouble();
        } else if (type == boolean.class) {
            return in.readBoolean();
        }
        throw new IllegalArgumentException("the wire does not carry " + type);
    }

    private static boolean isBox(Class<?> type) {
        return type == Integer.class || type == Long.class || type == Double.class || type == Boolean.class;
    }

    private static Class<?> unboxed(Class<?> box) {
        return box == Integer.class ? int.class : box == Long.class ? long.class : box == Double.class ? double.class : boolean.class;
    }

    private static Type elementType(Type collection) {
        if (collection instanceof ParameterizedType parameterized) {
            return parameterized.getActualTypeArguments()[0];
        }
        throw new IllegalArgumentException("say what a " + collection.getTypeName() + " holds, e.g. Set<Shift>");
    }

    /** The class of a type: {@code Set} for {@code Set<Shift>}, {@code double[][]} for itself. */
    public static Class<?> raw(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        if (type instanceof GenericArrayType generic) {
            return Array.newInstance(raw(generic.getGenericComponentType()), 0).getClass();
        }
        throw new IllegalArgumentException("the wire does not carry " + type.getTypeName());
    }
}
