package dev.agenttraces.traces.pricing.infrastructure;

import dev.agenttraces.traces.pricing.domain.DuplicatePriceEntry;
import dev.agenttraces.traces.pricing.domain.PriceCatalogueRepository;

import dev.agenttraces.traces.pricing.domain.PriceEntry;
import dev.agenttraces.traces.pricing.domain.PriceTier;
import dev.agenttraces.traces.pricing.domain.Rates;
import dev.agenttraces.traces.trace.infrastructure.TracesDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue tables (model_price, model_price_tier) over plain JDBC: the catalogue is read whole into
 * memory and written one entry at a time, so an ORM mapping would add nothing. Writes join the caller's
 * JTA transaction (the pool is transactional).
 */
@ApplicationScoped
public class JdbcPriceCatalogue implements PriceCatalogueRepository {

    private static final String PRICE_COLUMNS = "input_per_mtok, output_per_mtok, cached_input_per_mtok, reasoning_per_mtok,"
            + " cache_creation_per_mtok";

    @Resource(lookup = TracesDataSource.JNDI_NAME)
    DataSource dataSource;

    @Override
    public List<PriceEntry> loadAll() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            Map<Long, List<PriceTier>> tiers = new HashMap<>();
            try (ResultSet rs = s.executeQuery("select price_id, above_input_tokens, " + PRICE_COLUMNS + " from model_price_tier")) {
                while (rs.next()) {
                    tiers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new PriceTier(rs.getLong(2), rates(rs, 3)));
                }
            }
            List<PriceEntry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select id, model_pattern, provider, effective_from, " + PRICE_COLUMNS
                    + ", source from model_price order by id")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    entries.add(new PriceEntry(id, rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                            rates(rs, 5), tiers.getOrDefault(id, List.of()), rs.getString(10)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the price catalogue", e);
        }
    }

    /** Inserts or updates the entry and replaces its tiers; returns its id. */
    @Transactional
    @Override
    public long save(PriceEntry e) {
        try (Connection c = dataSource.getConnection()) {
            long id;
            if (e.id() == null) {
                try (PreparedStatement ps = c.prepareStatement("insert into model_price (model_pattern, provider, effective_from, "
                        + PRICE_COLUMNS + ", source) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                    bindEntry(ps, e);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
            } else {
                id = e.id();
                try (PreparedStatement ps = c.prepareStatement("update model_price set model_pattern = ?, provider = ?, effective_from = ?,"
                        + " input_per_mtok = ?, output_per_mtok = ?, cached_input_per_mtok = ?, reasoning_per_mtok = ?, cache_creation_per_mtok = ?, source = ?,"
                        + " updated_at = current_timestamp where id = ?")) {
                    bindEntry(ps, e);
                    ps.setLong(10, id);
                    if (ps.executeUpdate() != 1) {
                        throw new IllegalStateException("Price entry " + id + " no longer exists");
                    }
                }
                delete(c, "delete from model_price_tier where price_id = ?", id);
            }
            try (PreparedStatement ps = c.prepareStatement("insert into model_price_tier (price_id, above_input_tokens, "
                    + PRICE_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")) {
                for (PriceTier t : e.tiers()) {
                    ps.setLong(1, id);
                    ps.setLong(2, t.aboveInputTokens());
                    bindRates(ps, 3, t.rates());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return id;
        } catch (SQLException ex) {
            if ("23505".equals(ex.getSQLState())) {
                throw new DuplicatePriceEntry(e);
            }
            throw new IllegalStateException("Cannot save the price entry " + e.modelPattern(), ex);
        }
    }

    @Transactional
    @Override
    public void delete(long id) {
        try (Connection c = dataSource.getConnection()) {
            delete(c, "delete from model_price where id = ?", id);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete price entry " + id, e);
        }
    }

    private static void delete(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    private static void bindEntry(PreparedStatement ps, PriceEntry e) throws SQLException {
        ps.setString(1, e.modelPattern());
        ps.setString(2, e.provider());
        ps.setDate(3, Date.valueOf(e.effectiveFrom()));
        bindRates(ps, 4, e.base());
        ps.setString(9, e.source());
    }

    private static void bindRates(PreparedStatement ps, int first, Rates r) throws SQLException {
        ps.setBigDecimal(first, r.input());
        ps.setBigDecimal(first + 1, r.output());
        ps.setObject(first + 2, r.cachedInput(), Types.NUMERIC);
        ps.setObject(first + 3, r.reasoning(), Types.NUMERIC);
        ps.setObject(first + 4, r.cacheCreation(), Types.NUMERIC);
    }

    private static Rates rates(ResultSet rs, int first) throws SQLException {
        return new Rates(rs.getBigDecimal(first), rs.getBigDecimal(first + 1), rs.getBigDecimal(first + 2), rs.getBigDecimal(first + 3),
                rs.getBigDecimal(first + 4));
    }
}
