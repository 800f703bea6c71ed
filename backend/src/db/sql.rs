//! A small SQL text builder for queries SeaORM's builder does not express
//! well: the catalogue's list, the throttle's and the counter's conditional
//! statements.
//!
//! The list query, for one, combines optional filters, a search over computed
//! expressions and keyset pagination over computed sort keys. Written as SQL
//! with bound values it stays readable and identical on both databases; this
//! builder only tracks the values and writes the right placeholder for each
//! backend (`?` for SQLite, `$n` for PostgreSQL). Values are never spliced
//! into the text.

use sea_orm::{DbBackend, Statement, Value};

pub(crate) struct Sql {
    backend: DbBackend,
    text: String,
    values: Vec<Value>,
}

impl Sql {
    pub(crate) fn new(backend: DbBackend) -> Self {
        Sql { backend, text: String::with_capacity(512), values: Vec::new() }
    }

    /// Appends SQL text (never user input).
    pub(crate) fn push(&mut self, sql: &str) -> &mut Self {
        self.text.push_str(sql);
        self
    }

    /// Appends a placeholder bound to `value`.
    pub(crate) fn bind(&mut self, value: impl Into<Value>) -> &mut Self {
        self.values.push(value.into());
        match self.backend {
            DbBackend::Postgres => {
                self.text.push('$');
                self.text.push_str(&self.values.len().to_string());
            }
            _ => self.text.push('?'),
        }
        self
    }

    pub(crate) fn into_statement(self) -> Statement {
        Statement::from_sql_and_values(self.backend, self.text, self.values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_follow_the_backend() {
        let mut pg = Sql::new(DbBackend::Postgres);
        pg.push("a = ").bind(1).push(" AND b = ").bind("x");
        assert_eq!(pg.into_statement().sql, "a = $1 AND b = $2");
        let mut lite = Sql::new(DbBackend::Sqlite);
        lite.push("a = ").bind(1).push(" AND b = ").bind("x");
        assert_eq!(lite.into_statement().sql, "a = ? AND b = ?");
    }
}
